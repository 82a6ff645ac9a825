package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener with nothing to do for an event is not recorded in the outbox for it: each
 * publication is an insert, a transaction of its own and a completion, and most filings
 * concern few of the modules that listen to filings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConditionalListenersTests.Outbox.class)
class ConditionalListenersTests {

	/**
	 * Writes down every publication the outbox records: a handled one is deleted at once
	 * (ADR 4), so the table alone would not show it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outbox {

		static final List<String> recorded = new CopyOnWriteArrayList<>();

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static Advisor outboxRecorder() {
			StaticMethodMatcherPointcut creations = new StaticMethodMatcherPointcut() {

				@Override
				public boolean matches(Method method, Class<?> targetClass) {
					return EventPublicationRepository.class.isAssignableFrom(targetClass)
							&& method.getName().equals("create");
				}

			};
			return new DefaultPointcutAdvisor(creations, (MethodInterceptor) (invocation) -> {
				TargetEventPublication publication = (TargetEventPublication) invocation.getArguments()[0];
				recorded.add(publication.getTargetIdentifier().getValue() + " " + publication.getEvent());
				return invocation.proceed();
			});
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	RegistryControl registries;

	@Test
	void recordsOnlyTheListenersThatHaveSomethingToDoWithAFiling() throws InterruptedException {
		Matters matters = new Matters(new OneVisitHttp(this.port), this.registries);
		JsonNode filed = matters.fileFlatTransfer();
		String id = filed.path("id").asString();

		// the flat transfer fetches shared data, and none of its items has approval rules
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("EvidenceCollection"))
			.noneMatch((listener) -> listener.contains("InstantApproval"))
			.noneMatch((listener) -> listener.contains("LicenceIssuance"))
			// filed by its applicant, not by a partner: no webhook subscriber to tell
			.noneMatch((listener) -> listener.contains("partners.webhooks"));

		matters.payThroughTheSimulator(matters.approveAll(filed));
		// approving and paying it issues the real-estate certificate
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (listenersFor(id).stream().noneMatch((listener) -> listener.contains("LicenceIssuance"))
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		// its approval neither (a payment, a licence and a hand-over are still recorded
		// for
		// the partners' listeners, whose events do not say who filed the matter)
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("LicenceIssuance"))
			.noneMatch((listener) -> listener.contains("partners.webhooks.applications"));
	}

	private List<String> listenersFor(String application) {
		return Outbox.recorded.stream().filter((publication) -> publication.contains(application)).toList();
	}

}
