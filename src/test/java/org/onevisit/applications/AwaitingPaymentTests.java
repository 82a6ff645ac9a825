package org.onevisit.applications;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingPayment;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsedUnpaid;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.catalog.Workflow;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Calendars;
import org.onevisit.shared.OneVisitException;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A matter every department approved waits as 待缴费 while it owes fees or taxes, and only
 * its payment approves it: {@link ApplicationApproved}, which licences and registry
 * write-back follow, is raised then and once.
 */
class AwaitingPaymentTests {

	static final Actor SELLER = Actor.applicant("applicant1");

	final TestClock clock = TestClock.at(LocalDateTime.of(2025, 9, 26, 10, 0));

	final List<List<ApprovedItem>> asked = new ArrayList<>();

	final Application.Owing owesTheFeeAndTaxes = (items) -> {
		this.asked.add(items);
		return Optional.of(new Dues.Owed(new BigDecimal("12580.00"), List.of("不动产登记费（住宅）", "契税（承受方）")));
	};

	Application aTaxedTransfer() {
		return Application.file("339900-20250926-000009", Subject.person(ResidentId.of("339902198503120016")), SELLER,
				Channel.ONLINE, "flat-transfer",
				List.of(new PlannedTask("339900-HOUSING-001", 1, "housing", Workflow.SINGLE_DECISION, 0, 5),
						new PlannedTask("339900-TAX-001", 1, "tax", Workflow.SINGLE_DECISION, 0, 1)),
				Map.of("sellerName", "张三"), List.of(), this.clock, Calendars.prc2025());
	}

	Application everyDepartmentApproved() {
		Application application = aTaxedTransfer();
		for (Task task : application.tasks()) {
			String department = task.plan().departmentCode();
			application.decide(task.id(), Decision.Approve.here(), Actor.reviewer("reviewer-" + department, department),
					this.clock, this.owesTheFeeAndTaxes);
		}
		return application;
	}

	@Test
	void asksWhatIsOwedOnlyOnceEveryDepartmentApproved() {
		Application application = aTaxedTransfer();
		Task housing = application.tasks().get(0);

		application.decide(housing.id(), Decision.Approve.here(), Actor.reviewer("reviewer-housing", "housing"),
				this.clock, this.owesTheFeeAndTaxes);

		assertThat(this.asked).isEmpty();
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void waitsForPaymentWithoutApprovingWhileSomethingIsOwedAndTellsWhatAndHowMuch() {
		Application application = everyDepartmentApproved();

		assertThat(application.status()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
		assertThat(application.status().finished()).isFalse();
		assertThat(this.asked).singleElement()
			.satisfies((items) -> assertThat(items).extracting(ApprovedItem::itemCode)
				.containsExactly("339900-HOUSING-001", "339900-TAX-001"));
		assertThat(application.events()).noneMatch(ApplicationApproved.class::isInstance);
		assertThat(application.events()).last().isInstanceOfSatisfying(ApplicationAwaitingPayment.class, (awaiting) -> {
			assertThat(awaiting.amount()).isEqualByComparingTo("12580.00");
			assertThat(awaiting.what()).containsExactly("不动产登记费（住宅）", "契税（承受方）");
		});
	}

	@Test
	void isApprovedWhenPaidAndOnlyOnceHoweverOftenThePaymentIsReported() {
		Application application = everyDepartmentApproved();

		boolean first = application.settlePayment(this.clock);
		boolean again = application.settlePayment(this.clock);

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.events()).filteredOn(ApplicationApproved.class::isInstance).hasSize(1);
	}

	@Test
	void aPaymentBeforeEveryDepartmentApprovedApprovesNothing() {
		Application application = aTaxedTransfer();

		assertThat(application.settlePayment(this.clock)).isFalse();
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void lapsesUnpaidWithoutAnyResultAndOnlyWhileWaitingForPayment() {
		Application application = everyDepartmentApproved();

		application.lapseUnpaid(this.clock);

		assertThat(application.status()).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(application.events()).last().isInstanceOf(ApplicationLapsedUnpaid.class);
		assertThat(application.events()).noneMatch(ApplicationApproved.class::isInstance);
		assertThat(application.settlePayment(this.clock)).as("a late payment approves nothing").isFalse();
		assertThatThrownBy(() -> aTaxedTransfer().lapseUnpaid(this.clock)).isInstanceOf(OneVisitException.class);
	}

	@Test
	void isApprovedAtOnceWhenNothingIsOwed() {
		Application application = aTaxedTransfer();
		for (Task task : application.tasks()) {
			String department = task.plan().departmentCode();
			application.decide(task.id(), Decision.Approve.here(), Actor.reviewer("reviewer-" + department, department),
					this.clock, Application.Owing.NOTHING);
		}

		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.events()).last().isInstanceOf(ApplicationApproved.class);
	}

}
