package org.onevisit.platform.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Where an outbox publication is completed or marked failed relative to its listener's
 * transaction. A listener proxied as Spring builds it (Modulith's completion advice
 * outermost, then the transaction advice) is handed to {@link OutboxCompletion}; the
 * registry and the transaction manager write down what happens, in order.
 */
class OutboxCompletionTests {

	private final List<String> steps = new CopyOnWriteArrayList<>();

	private final Recording transactions = new Recording(this.steps);

	private final Listener listener = proxied(new Listener(this.steps));

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void completesThePublicationOfAListenerThatReturns(String sentence, String event, List<String> steps) {
		this.listener.handle(event);

		assertThat(this.steps).containsExactlyElementsOf(steps);
	}

	static Stream<Arguments> completesThePublicationOfAListenerThatReturns() {
		return Stream.of(
				arguments("completes the publication inside the listener's transaction just before it commits",
						"an event", List.of("begin", "listener", "markCompleted inside Listener.handle", "commit")),
				arguments("completes the publication on its own where the listener rolled back without failing",
						"rollback only", List.of("begin", "listener", "rollback", "markCompleted outside")));
	}

	@Test
	void marksTheFailedListenersPublicationFailedOnceItsTransactionHasRolledBack() {
		assertThatIllegalStateException().isThrownBy(() -> this.listener.handle("refused"));

		assertThat(this.steps).containsExactly("begin", "listener", "rollback", "markFailed outside");
	}

	@Test
	void completesThePublicationOnItsOwnWhereTheListenerHasNoTransaction() {
		this.listener.handleWithoutTransaction("an event");

		assertThat(this.steps).containsExactly("listener", "markCompleted outside");
	}

	@Test
	void completesThePublicationOnItsOwnWhereTheListenerJoinedACommittedTransaction() {
		TransactionTemplate outer = new TransactionTemplate(this.transactions);
		outer.setName("outer");

		outer.executeWithoutResult(
				(status) -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void afterCommit() {
						OutboxCompletionTests.this.listener.handleInWhateverTransaction("an event");
					}

				}));

		// left to the committed transaction's synchronizations, it would never run
		assertThat(this.steps).containsExactly("begin", "commit", "listener", "markCompleted inside outer");
	}

	private Listener proxied(Listener target) {
		EventPublicationRegistry registry = (EventPublicationRegistry) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { EventPublicationRegistry.class },
				(proxy, method, arguments) -> {
					this.steps.add(method.getName() + (TransactionSynchronizationManager.isActualTransactionActive()
							? " inside " + TransactionSynchronizationManager.getCurrentTransactionName()
								.replaceFirst(".*\\$", "")
							: " outside"));
					return null;
				});
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new CompletionRegisteringAdvisor(() -> registry));
		TransactionManager manager = this.transactions;
		factory.addAdvisor(new DefaultPointcutAdvisor(
				new TransactionInterceptor(manager, new AnnotationTransactionAttributeSource())));
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("registry", registry);
		return (Listener) new OutboxCompletion(beans.getBeanProvider(EventPublicationRegistry.class))
			.postProcessAfterInitialization(factory.getProxy(), "listener");
	}

	static class Listener {

		private final List<String> steps;

		Listener(List<String> steps) {
			this.steps = steps;
		}

		@TransactionalEventListener
		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void handle(String event) {
			this.steps.add("listener");
			if (event.equals("refused")) {
				throw new IllegalStateException(event);
			}
			if (event.equals("rollback only")) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			}
		}

		@TransactionalEventListener
		public void handleWithoutTransaction(String event) {
			this.steps.add("listener");
		}

		@TransactionalEventListener
		@Transactional
		public void handleInWhateverTransaction(String event) {
			this.steps.add("listener");
		}

	}

	/** A transaction manager without a database that writes down what it does. */
	static class Recording extends AbstractPlatformTransactionManager {

		private final List<String> steps;

		Recording(List<String> steps) {
			this.steps = steps;
		}

		@Override
		protected Object doGetTransaction() {
			return TransactionSynchronizationManager.isActualTransactionActive();
		}

		@Override
		protected boolean isExistingTransaction(Object transaction) {
			return (Boolean) transaction;
		}

		@Override
		protected Object doSuspend(Object transaction) {
			return transaction;
		}

		@Override
		protected void doResume(Object transaction, Object suspendedResources) {
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.steps.add("begin");
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.steps.add("commit");
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.steps.add("rollback");
		}

	}

}
