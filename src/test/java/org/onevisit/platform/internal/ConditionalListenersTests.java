package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.Channel;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.identity.Actor;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.payments.PaymentConfirmed;
import org.onevisit.delivery.DeliveryHandedOver;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	OneVisitServer server;

	@Autowired
	Deliveries deliveries;

	@Test
	void recordsOnlyTheListenersThatHaveSomethingToDoWithAFiling() throws InterruptedException {
		Matters matters = this.server.matters();
		JsonNode filed = matters.fileFlatTransfer();
		String id = filed.path("id").asString();
		String tracking = filed.path("trackingNo").asString();

		// the flat transfer fetches shared data, and none of its items has approval rules
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("EvidenceCollection"))
			.noneMatch((listener) -> listener.contains("InstantApproval"))
			.noneMatch((listener) -> listener.contains("LicenceIssuance"))
			// filed by its applicant, not by a partner: no webhook subscriber to tell
			.noneMatch((listener) -> listener.contains("partners.webhooks"));

		ApplicationId matter = new ApplicationId(UUID.fromString(id));
		this.deliveries.choose(matter,
				new Deliveries.Choice(Delivery.Method.COURIER, null, "张三", "13800001234", "示范市东湖区示范路12号3幢"),
				Actor.applicant("applicant1"));
		matters.payThroughTheSimulator(matters.approveAll(filed));
		// approving and paying it issues the real-estate certificate
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (listenersFor(id).stream().noneMatch((listener) -> listener.contains("LicenceIssuance"))
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		// its approval neither
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("LicenceIssuance"))
			.noneMatch((listener) -> listener.contains("partners.webhooks.applications"));

		// nor its payment, its licences or their hand-over: the events say the matter
		// was not a partner's filing
		deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (this.deliveries.waitingForHandOver().stream().noneMatch((ready) -> ready.application().equals(matter))
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		this.deliveries.handOver(matter, "EMS", "1190012345678", Actor.clerk("clerk1"));
		assertThat(this.licences.issuedFor(tracking)).isNotEmpty();
		assertThat(this.deliveries.of(matter, Actor.applicant("applicant1")).courierTrackingNumber())
			.isEqualTo("1190012345678");
		assertThat(listenersFor(id, tracking)).noneMatch((listener) -> listener.contains("partners.webhooks"));
	}

	@Autowired
	LicenceWallet licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void recordsThePartnersListenersForThePaymentLicencesAndHandOverOfAPartnersFiling() {
		JsonNode filed = this.server.matters().fileFlatTransfer();
		String id = filed.path("id").asString();
		String tracking = filed.path("trackingNo").asString();
		ApplicationId matter = new ApplicationId(UUID.fromString(id));
		Subject seller = Subject.person(ResidentId.of(Matters.SELLER));
		Instant now = Instant.now();

		// as the payments, licences and delivery modules tell of a matter a partner
		// filed
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new PaymentConfirmed(UUID.randomUUID(), matter, new BigDecimal("80.00"),
					"simulated", "T-" + id, now, tracking, seller, Channel.PARTNER));
			this.events.publishEvent(new LicencesIssued(tracking, List.of(), now, Channel.PARTNER));
			this.events.publishEvent(
					new DeliveryHandedOver(matter, tracking, seller, false, null, null, now, Channel.PARTNER));
		});

		assertThat(listenersFor(id, tracking)).anyMatch((listener) -> listener.contains("partners.webhooks.payments"))
			.anyMatch((listener) -> listener.contains("partners.webhooks.licences"))
			.anyMatch((listener) -> listener.contains("partners.webhooks.delivery"));
	}

	/**
	 * The publications of events naming the matter: by its id, or (a licence's) by its
	 * tracking number.
	 */
	private List<String> listenersFor(String... matter) {
		return Outbox.recorded.stream()
			.filter((publication) -> Arrays.stream(matter).anyMatch(publication::contains))
			.toList();
	}

}
