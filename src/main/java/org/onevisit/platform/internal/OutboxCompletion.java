package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Completes an outbox publication inside its listener's own transaction, as the one
 * commit that also holds the listener's work.
 * <p>
 * Spring Modulith 2.1 marks a publication <em>processing</em> and then
 * <em>completed</em>, each in a transaction of its own ({@code REQUIRES_NEW}) around the
 * listener's: two more commits for every event a listener handles, the largest overhead
 * left on the path of a filing (issue 4). Spring Modulith 2.2 completes inside the
 * listener's transaction (spring-modulith#1961), but needs Spring Boot 4.2; this does the
 * same for 2.1 and goes once we move.
 * <p>
 * In every proxy that carries Modulith's completion advisor, that advisor is replaced by
 * {@link Outer} (same place in the chain, outside the listener's transaction) and
 * {@link Inner} is put right after the transaction advice:
 * <ul>
 * <li>{@link Inner} marks the publication completed just before the listener's
 * transaction commits, so the work and its completion commit together or not at all;</li>
 * <li>{@link Outer} marks it failed once the transaction has rolled back (in a
 * transaction of its own, as before, so it holds no second connection while the listener
 * holds one), and completes it in a transaction of its own where the listener had none to
 * complete it in;</li>
 * <li>nothing marks it <em>processing</em>: OneVisit reads that status nowhere (no
 * staleness monitor is configured), and {@link OutboxRetry} resubmits what is incomplete
 * whatever its status.</li>
 * </ul>
 * If a commit fails after the completion was written, the publication stays incomplete
 * and {@link OutboxRetry} hands it to its listener again; listeners are written to be
 * safe to run twice.
 */
@Component
class OutboxCompletion implements BeanPostProcessor, Ordered {

	private static final Logger log = LoggerFactory.getLogger(OutboxCompletion.class);

	private static final String COMPLETED_INSIDE = OutboxCompletion.class.getName() + ".completedInside";

	private static final Map<Method, PublicationTargetIdentifier> listenerIds = new ConcurrentHashMap<>();

	// looked up on first use and kept: ObjectProvider.getObject resolves the dependency
	// anew on every call, once per handled event
	private final Supplier<EventPublicationRegistry> registry;

	OutboxCompletion(ObjectProvider<EventPublicationRegistry> registry) {
		this.registry = SingletonSupplier.of(registry::getObject);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof Advised advised) || advised.isFrozen()) {
			return bean;
		}
		Advisor[] advisors = advised.getAdvisors();
		int modulith = -1;
		int transaction = -1;
		for (int i = 0; i < advisors.length; i++) {
			if (advisors[i] instanceof CompletionRegisteringAdvisor) {
				modulith = i;
			}
			else if (advisors[i].getAdvice() instanceof TransactionInterceptor) {
				transaction = i;
			}
		}
		// without the transaction advice inside it, Modulith's own completion stays
		if (modulith < 0 || transaction < modulith) {
			return bean;
		}
		CompletionRegisteringAdvisor replaced = (CompletionRegisteringAdvisor) advisors[modulith];
		advised.addAdvisor(transaction + 1, new DefaultPointcutAdvisor(replaced.getPointcut(), new Inner()));
		advised.removeAdvisor(modulith);
		advised.addAdvisor(modulith, new DefaultPointcutAdvisor(replaced.getPointcut(), new Outer()));
		return bean;
	}

	@Override
	public int getOrder() {
		// after the proxies are made and their advisors are in place
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** The id Spring Modulith records a listener's publications under. */
	static PublicationTargetIdentifier listenerId(Method method) {
		return listenerIds.computeIfAbsent(method,
				(it) -> PublicationTargetIdentifier
					.of(new TransactionalApplicationListenerMethodAdapter("outbox", it.getDeclaringClass(), it)
						.getListenerId()));
	}

	/**
	 * Around the listener's transaction: failures, and completion where no transaction
	 * did it.
	 */
	private final class Outer implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Object event = invocation.getArguments()[0];
			PublicationTargetIdentifier listener = listenerId(invocation.getMethod());
			Object result;
			try {
				result = invocation.proceed();
			}
			catch (Throwable failure) {
				failed(event, listener, failure);
				throw failure;
			}
			if (result instanceof CompletableFuture<?> future) {
				return future.whenComplete((value, failure) -> {
					if (failure != null) {
						failed(event, listener, failure);
					}
					else {
						registry.get().markCompleted(event, listener);
					}
				});
			}
			if (!(invocation instanceof ProxyMethodInvocation proxied)
					|| proxied.getUserAttribute(COMPLETED_INSIDE) == null) {
				registry.get().markCompleted(event, listener);
			}
			return result;
		}

		private void failed(Object event, PublicationTargetIdentifier listener, Throwable failure) {
			registry.get().markFailed(event, listener);
			log.info("Listener {} failed, its publication stays incomplete: {}", listener.getValue(),
					failure.toString());
		}

	}

	/** Inside the listener's transaction: completes the publication as its last write. */
	private final class Inner implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (!(invocation instanceof ProxyMethodInvocation proxied) || !inItsOwnTransaction()) {
				return invocation.proceed();
			}
			Object result = invocation.proceed();
			if (result instanceof CompletableFuture<?>) {
				return result;
			}
			Object event = invocation.getArguments()[0];
			PublicationTargetIdentifier listener = listenerId(invocation.getMethod());
			proxied.setUserAttribute(COMPLETED_INSIDE, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					inCurrentTransaction().markCompleted(event, listener);
				}

				@Override
				public void afterCompletion(int status) {
					// rolled back without an exception (rollback-only): completed
					// outside, as Spring Modulith does
					if (status != STATUS_COMMITTED) {
						proxied.setUserAttribute(COMPLETED_INSIDE, null);
					}
				}

			});
			return result;
		}

		/**
		 * Whether the listener's own transaction advice began the transaction it runs in.
		 * One it merely joined may be a committed one still bound to the thread (a
		 * listener called from another's after-commit phase), whose synchronizations have
		 * run.
		 */
		private static boolean inItsOwnTransaction() {
			if (!TransactionSynchronizationManager.isActualTransactionActive()
					|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				return false;
			}
			try {
				return TransactionAspectSupport.currentTransactionStatus().isNewTransaction();
			}
			catch (NoTransactionException ex) {
				// the listener method is not transactional itself
				return false;
			}
		}

		/**
		 * The registry itself rather than its proxy, whose {@code markCompleted} would
		 * open a transaction of its own.
		 */
		private EventPublicationRegistry inCurrentTransaction() {
			EventPublicationRegistry proxy = registry.get();
			Object target = AopProxyUtils.getSingletonTarget(proxy);
			return (target instanceof EventPublicationRegistry unproxied) ? unproxied : proxy;
		}

	}

}
