package org.onevisit.licences.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.exchange.RegistryEvents;
import org.onevisit.identity.Actor;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.internal.SimulatedCheckout;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * Issuing through the outbox: a listener that fails leaves the publication incomplete,
 * the retry issues the licence, and no retry issues it twice.
 */
@SpringBootTest
class LicenceIssuanceRetryTests {

	@MockitoSpyBean
	Licences store;

	@Autowired
	EventSerializer serializer;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	org.onevisit.registries.RegistryControl registries;

	@Autowired
	LicenceWallet wallet;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	PaymentManagement payments;

	@Autowired
	SimulatedCheckout checkout;

	@Test
	void issuesALicenceOnceEvenWhenIssuingFailsOnceAndIsRetried() throws Exception {
		doThrow(new IllegalStateException("database hiccup")).doCallRealMethod().when(this.store).insertNew(anyList());
		String buyer = LicencesIntegrationTests.newResidentId(201);
		// a flat of the seller's own: an approved transfer moves it for good
		Map<String, Object> form = MattersInProcess.flatTransferForm(org.onevisit.Matters.mintFlat(this.registries),
				buyer);
		Application filed = this.applications.submit(new Submission(null, "flat-transfer",
				Subject.person(ResidentId.of(LicencesIntegrationTests.SELLER_ID)), Channel.ONLINE, form),
				Actor.applicant("applicant1"), null);
		// the co-owner and the buyer confirm: only then do the departments review it
		MattersInProcess.approveEveryStep(this.applications,
				MattersInProcess.confirmedOnline(this.applications, filed));
		// nothing is issued before the fees and taxes are paid
		Actor seller = Actor.applicant("applicant1");
		this.payments.of(filed.id(), seller).ifPresent((order) -> this.checkout.pay(order.id(), seller));
		// the property registry records the transfer and answers (the write-back
		// publishes
		// it)
		new org.onevisit.licences.RegistryAnswers(this.events, this.transactions).wrote(filed.id(),
				filed.trackingNumber(), "339900-NR-001", org.onevisit.catalog.RegistryChange.PROPERTY_TRANSFER,
				org.onevisit.licences.RegistryAnswers.transfer(org.onevisit.licences.RegistryAnswers.newCertificateNo(),
						"浙(2020)示范市不动产权第0012345号"));

		// the first attempt fails: no licence, and the publication is not completed
		long failed = LicencesIntegrationTests.eventually(() -> issuePublications(filed.trackingNumber(), true),
				(count) -> count > 0);
		assertThat(failed).isEqualTo(1);
		assertThat(this.wallet.issuedFor(filed.trackingNumber())).isEmpty();

		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		LicencesIntegrationTests.eventually(() -> this.wallet.issuedFor(filed.trackingNumber()),
				(list) -> !list.isEmpty());
		LicencesIntegrationTests.eventually(() -> issuePublications(filed.trackingNumber(), true),
				(count) -> count == 0);
		this.incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(300);

		assertThat(this.wallet.issuedFor(filed.trackingNumber())).singleElement()
			.satisfies((licence) -> assertThat(licence.holder()).isEqualTo(Subject.person(ResidentId.of(buyer))));
		assertThat(issuePublications(filed.trackingNumber(), true)).isZero();
		// completed: deleted in the transaction that issued the licence (ADR 4)
		assertThat(issuePublications(filed.trackingNumber(), false)).isZero();
		doCallRealMethod().when(this.store).insertNew(anyList());
	}

	/**
	 * The licence listener's publications of this matter's registry answer, all or the
	 * incomplete ones only: the other tests' matters may have theirs in flight at the
	 * same moment (events are stored sealed, so each is opened to see which matter it is
	 * about).
	 */
	private long issuePublications(String trackingNumber, boolean incompleteOnly) {
		return this.jdbc
			.sql("select serialized_event from event_publication where event_type like '%RegistryWritten'"
					+ " and listener_id like '%LicenceIssuance%'"
					+ (incompleteOnly ? " and completion_date is null" : ""))
			.query(String.class)
			.list()
			.stream()
			.map((serialized) -> this.serializer.deserialize(serialized, RegistryEvents.RegistryWritten.class))
			.filter((written) -> written.trackingNumber().equals(trackingNumber))
			.count();
	}

}
