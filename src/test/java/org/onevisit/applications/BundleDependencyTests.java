package org.onevisit.applications;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Workflow;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Calendars;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.applications.MattersInProcess.taskOfItem;

/**
 * A bundle whose items wait for another item's licence: the restaurant's food permit
 * waits for the business licence, filed on Friday 26 September 2025, just before the
 * National Day week (1-8 October, with Sunday 28 September and Saturday 11 October
 * worked).
 */
class BundleDependencyTests {

	static final WorkingDays DAYS = Calendars.prc2025();

	static final Actor OPERATOR = Actor.applicant("applicant1");

	static final Actor SAMR = Actor.reviewer("reviewer-samr", "samr");

	static final Actor FIRE = Actor.reviewer("reviewer-fire", "fire");

	static final String LICENCE = "339900-SAMR-002";

	static final String PERMIT = "339900-SAMR-003";

	static final String FIRE_CHECK = "339900-FIRE-001";

	final TestClock clock = TestClock.at(LocalDateTime.of(2025, 9, 26, 10, 0));

	Application aRestaurant() {
		return Application.file("339900-20250926-000002", Subject.person(ResidentId.of("339902198503120016")), OPERATOR,
				Channel.ONLINE, "restaurant", List.of(
						new PlannedTask(LICENCE, 1, "samr", Workflow.SINGLE_DECISION, 0, 3), new PlannedTask(PERMIT, 1,
								"samr", Workflow.SINGLE_DECISION, 5, 10, List.of(LICENCE)),
						new PlannedTask(FIRE_CHECK, 1, "fire", Workflow.SINGLE_DECISION, 1, 10)),
				Map.of("shopName", "示范小馆"),
				List.of(new MaterialRecord("business-licence", "营业执照", MaterialSource.LICENCE,
						MaterialRecord.State.PENDING_LICENCE, null, List.of(PERMIT, FIRE_CHECK))),
				this.clock, DAYS);
	}

	@Test
	void filesTheItemThatNeedsALicenceAsWaitingWhileEverythingElseIsReviewedInParallel() {
		Application application = aRestaurant();

		assertThat(taskOfItem(application, PERMIT).status()).isEqualTo(TaskStatus.AWAITING_RESULT);
		assertThat(taskOfItem(application, PERMIT).status().open()).isFalse();
		assertThat(taskOfItem(application, PERMIT).awaiting()).containsExactly(LICENCE);
		assertThat(taskOfItem(application, LICENCE).status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(taskOfItem(application, FIRE_CHECK).status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThatThrownBy(() -> application.decide(taskOfItem(application, PERMIT).id(), Decision.Approve.here(), SAMR,
				this.clock))
			.hasFieldOrPropertyWithValue("code", "task_not_open");
	}

	@Test
	void approvingTheNeededItemAsksForItsResultAtOnceAndNotTheMattersApproval() {
		Application application = aRestaurant();

		application.decide(taskOfItem(application, FIRE_CHECK).id(), Decision.Approve.here(), FIRE, this.clock);
		application.decide(taskOfItem(application, LICENCE).id(), Decision.Approve.here(), SAMR, this.clock);

		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(application.events()).filteredOn(ResultNeeded.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(ResultNeeded.class,
					(needed) -> assertThat(needed.item().itemCode()).isEqualTo(LICENCE));
		assertThat(application.events()).noneMatch(ApplicationApproved.class::isInstance);
	}

	@Test
	void theWaitingTasksClockStartsOnlyWhenTheLicenceIsIssuedAndItsMaterialIsAttached() {
		Application application = aRestaurant();
		application.decide(taskOfItem(application, LICENCE).id(), Decision.Approve.here(), SAMR, this.clock);

		// the licence comes on Thursday 9 October, after the National Day week
		this.clock.set(LocalDateTime.of(2025, 10, 9, 9, 0));
		application.resultIssued(LICENCE, Set.of("business-licence"), "licence-1", this.clock, DAYS);

		Task permit = taskOfItem(application, PERMIT);
		assertThat(permit.status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(permit.step()).isEqualTo("decide");
		// five working days from 9 October (Saturday 11 October is worked), not from 26
		// September
		assertThat(permit.committedDue()).isEqualTo(LocalDate.of(2025, 10, 15));
		assertThat(application.materials()).singleElement().satisfies((material) -> {
			assertThat(material.state()).isEqualTo(MaterialRecord.State.LICENCE_HELD);
			assertThat(material.reference()).isEqualTo("licence-1");
		});
		assertThat(application.newHistory()).extracting(HistoryEntry::from, HistoryEntry::to)
			.contains(org.assertj.core.groups.Tuple.tuple("AWAITING_RESULT", "IN_REVIEW:decide"));
	}

	@Test
	void isApprovedOnlyOnceTheLateTaskIsApprovedToo() {
		Application application = aRestaurant();
		application.decide(taskOfItem(application, LICENCE).id(), Decision.Approve.here(), SAMR, this.clock);
		application.decide(taskOfItem(application, FIRE_CHECK).id(), Decision.Approve.here(), FIRE, this.clock);
		application.resultIssued(LICENCE, Set.of("business-licence"), "licence-1", this.clock, DAYS);
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);

		application.decide(taskOfItem(application, PERMIT).id(), Decision.Approve.here(), SAMR, this.clock);

		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.events()).last()
			.isInstanceOfSatisfying(ApplicationApproved.class,
					(approved) -> assertThat(approved.items()).extracting(ApplicationEvents.ApprovedItem::itemCode)
						.containsExactlyInAnyOrder(LICENCE, PERMIT, FIRE_CHECK));
	}

	@Test
	void aRejectionOfAnotherItemWithdrawsTheWaitingTaskAndAsksForNoResult() {
		Application application = aRestaurant();

		application.decide(taskOfItem(application, LICENCE).id(), new Decision.Reject("名称与已登记的个体工商户重复"), SAMR,
				this.clock);

		assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(taskOfItem(application, PERMIT).status()).isEqualTo(TaskStatus.WITHDRAWN);
		assertThat(application.events()).noneMatch(ResultNeeded.class::isInstance);
	}

	@Test
	void aLicenceIssuedAgainOrForAnItemNobodyWaitsForChangesNothing() {
		Application application = aRestaurant();
		application.decide(taskOfItem(application, LICENCE).id(), Decision.Approve.here(), SAMR, this.clock);
		application.resultIssued(LICENCE, Set.of("business-licence"), "licence-1", this.clock, DAYS);
		long version = taskOfItem(application, PERMIT).version();
		int history = application.newHistory().size();

		application.resultIssued(LICENCE, Set.of("business-licence"), "licence-2", this.clock, DAYS);
		application.resultIssued(FIRE_CHECK, Set.of(), "licence-3", this.clock, DAYS);

		assertThat(taskOfItem(application, PERMIT).version()).isEqualTo(version);
		assertThat(application.newHistory()).hasSize(history);
		assertThat(application.materials().get(0).reference()).isEqualTo("licence-1");
	}

}
