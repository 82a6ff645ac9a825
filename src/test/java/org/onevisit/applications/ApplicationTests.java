package org.onevisit.applications;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.catalog.ReviewStep.StepRole;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.Workflow;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Calendars;
import org.onevisit.shared.OneVisitException;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.applications.MattersInProcess.task;

/**
 * The application as its applicant and the departments live it. The flat transfer is
 * filed on Friday 26 September 2025, just before the National Day week (1-8 October, with
 * Sunday 28 September and Saturday 11 October worked).
 */
class ApplicationTests {

	static final WorkingDays DAYS = Calendars.prc2025();

	static final Actor SELLER = Actor.applicant("applicant1");

	static final Actor HOUSING = Actor.reviewer("reviewer-housing", "housing");

	static final Actor TAX = Actor.reviewer("reviewer-tax", "tax");

	static final Actor REGISTRY = Actor.reviewer("reviewer-nr", "nr");

	static final Workflow REGISTRATION = new Workflow(
			List.of(new ReviewStep("accept", StepRole.REVIEWER, List.of("examine")),
					new ReviewStep("examine", StepRole.REVIEWER, List.of("record")),
					new ReviewStep("record", StepRole.REVIEWER, List.of())));

	final TestClock clock = TestClock.at(LocalDateTime.of(2025, 9, 26, 10, 0));

	Application aFlatTransfer() {
		return Application.file("339900-20250926-000001", Subject.person(ResidentId.of("339902198503120016")), SELLER,
				Channel.ONLINE, "flat-transfer",
				List.of(new PlannedTask("339900-HOUSING-001", 1, "housing", Workflow.SINGLE_DECISION, 0, 5),
						new PlannedTask("339900-TAX-001", 1, "tax", Workflow.SINGLE_DECISION, 0, 1),
						new PlannedTask("339900-NR-001", 2, "nr", REGISTRATION, 1, 30)),
				Map.of("sellerName", "张三"), List.of(), this.clock, DAYS);
	}

	@Test
	void opensOneTaskPerDepartmentAllAtOnceWithDueDatesInWorkingDays() {
		Application application = aFlatTransfer();

		assertThat(application.tasks()).extracting(Task::status).containsOnly(TaskStatus.IN_REVIEW);
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		// committed one working day: the make-up Sunday 28 September counts
		assertThat(task(application, "nr").committedDue()).isEqualTo(LocalDate.of(2025, 9, 28));
		// statutory thirty: across the National Day week, counting both make-up days
		assertThat(task(application, "nr").statutoryDue()).isEqualTo(LocalDate.of(2025, 11, 13));
		assertThat(task(application, "tax").committedDue()).isEqualTo(LocalDate.of(2025, 9, 26));
		assertThat(application.committedDue()).isEqualTo(LocalDate.of(2025, 9, 28));
		assertThat(application.statutoryDue()).isEqualTo(LocalDate.of(2025, 11, 13));
		assertThat(application.events()).singleElement().isInstanceOf(ApplicationEvents.ApplicationSubmitted.class);
	}

	@Test
	void isApprovedOnceEveryDepartmentApprovedAndSaysWhichItemVersionsToLicense() {
		Application application = aFlatTransfer();

		application.decide(task(application, "housing").id(), Decision.Approve.here(), HOUSING, this.clock);
		application.decide(task(application, "tax").id(), Decision.Approve.here(), TAX, this.clock);
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		for (int step = 0; step < 3; step++) {
			application.decide(task(application, "nr").id(), Decision.Approve.here(), REGISTRY, this.clock);
		}

		assertThat(application.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(application.events()).last()
			.isInstanceOfSatisfying(ApplicationApproved.class,
					(approved) -> assertThat(approved.items())
						.extracting((item) -> item.itemCode() + "@" + item.itemVersion())
						.containsExactly("339900-HOUSING-001@1", "339900-TAX-001@1", "339900-NR-001@2"));
	}

	@Test
	void walksThroughTheItemsReviewStepsBeforeItsDecision() {
		Application application = aFlatTransfer();
		TaskId registration = task(application, "nr").id();

		application.decide(registration, Decision.Approve.here(), REGISTRY, this.clock);
		assertThat(task(application, "nr").step()).isEqualTo("examine");
		assertThatThrownBy(() -> application.decide(registration, new Decision.Approve("accept"), REGISTRY, this.clock))
			.hasFieldOrPropertyWithValue("code", "decision_invalid");
		application.decide(registration, new Decision.Approve("record"), REGISTRY, this.clock);

		assertThat(task(application, "nr").step()).isEqualTo("record");
		assertThat(task(application, "nr").status()).isEqualTo(TaskStatus.IN_REVIEW);
	}

	@Test
	void treatsAnotherDepartmentsTaskAsIfItDidNotExist() {
		Application application = aFlatTransfer();

		assertThatThrownBy(
				() -> application.decide(task(application, "nr").id(), Decision.Approve.here(), TAX, this.clock))
			.isInstanceOfSatisfying(OneVisitException.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("task_not_found");
				assertThat(refused.kind()).isEqualTo(OneVisitException.Kind.NOT_FOUND);
			});
		assertThat(task(application, "nr").step()).isEqualTo("accept");
	}

	@Test
	void endsRejectedAtOnceWhenOneDepartmentRejectsAndStopsTheOthers() {
		Application application = aFlatTransfer();
		application.decide(task(application, "housing").id(), Decision.Approve.here(), HOUSING, this.clock);

		application.decide(task(application, "tax").id(), new Decision.Reject("计税价格低于核定价格，请重新申报"), TAX, this.clock);

		assertThat(application.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(task(application, "tax").reason()).isEqualTo("计税价格低于核定价格，请重新申报");
		assertThat(task(application, "nr").status()).isEqualTo(TaskStatus.WITHDRAWN);
		assertThat(task(application, "housing").status()).isEqualTo(TaskStatus.APPROVED);
		assertThat(application.events()).last().isInstanceOf(ApplicationRejected.class);
	}

	@Test
	void needsAReasonToRejectAndEverythingMissingToAskForASupplement() {
		Application application = aFlatTransfer();
		TaskId tax = task(application, "tax").id();

		assertThatThrownBy(() -> application.decide(tax, new Decision.Reject(" "), TAX, this.clock))
			.hasFieldOrPropertyWithValue("code", "decision_invalid");
		assertThatThrownBy(
				() -> application.decide(tax, new Decision.RequestSupplement(List.of(), null), TAX, this.clock))
			.hasFieldOrPropertyWithValue("code", "decision_invalid");
		assertThat(task(application, "tax").status()).isEqualTo(TaskStatus.IN_REVIEW);
	}

	@Test
	void pausesTheClockWhileWaitingForTheApplicantAndMovesTheDueDatesByThePause() {
		Application application = aFlatTransfer();
		TaskId registration = task(application, "nr").id();
		LocalDate committedBefore = task(application, "nr").committedDue();
		LocalDate statutoryBefore = task(application, "nr").statutoryDue();

		application.decide(registration,
				new Decision.RequestSupplement(List.of("原购房发票（税务系统无记录）", "共有人同意出售的书面意见"), "一次性告知"), REGISTRY,
				this.clock);
		assertThat(application.status()).isEqualTo(ApplicationStatus.WAITING_FOR_SUPPLEMENT);
		assertThat(application.events()).last()
			.isInstanceOfSatisfying(SupplementRequested.class,
					(requested) -> assertThat(requested.missing()).hasSize(2));
		// while it waits, the expected completion slides by every working day waited (28,
		// 29, 30 Sep
		// and 9 Oct): the committed 28 Sep becomes 10 Oct
		this.clock.set(LocalDateTime.of(2025, 10, 9, 9, 0));
		assertThat(application.predictedCompletion(this.clock, DAYS)).isEqualTo(LocalDate.of(2025, 10, 10));

		application.provideSupplement(SELLER, this.clock, DAYS);

		Task resumed = task(application, "nr");
		assertThat(resumed.status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(resumed.pausedWorkingDays()).isEqualTo(4);
		assertThat(resumed.committedDue()).isEqualTo(DAYS.addWorkingDays(committedBefore, 4).date())
			.isEqualTo(LocalDate.of(2025, 10, 10));
		assertThat(resumed.statutoryDue()).isEqualTo(DAYS.addWorkingDays(statutoryBefore, 4).date());
		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void countsNoPauseWhenTheSupplementComesTheSameDay() {
		Application application = aFlatTransfer();
		TaskId tax = task(application, "tax").id();
		application.decide(tax, new Decision.RequestSupplement(List.of("原购房发票"), null), TAX, this.clock);

		this.clock.set(LocalDateTime.of(2025, 9, 26, 16, 30));
		application.provideSupplement(SELLER, this.clock, DAYS);

		assertThat(task(application, "tax").pausedWorkingDays()).isZero();
		assertThat(task(application, "tax").committedDue()).isEqualTo(LocalDate.of(2025, 9, 26));
	}

	@Test
	void letsOnlyItsApplicantSupplementOrWithdrawIt() {
		Application application = aFlatTransfer();
		application.decide(task(application, "tax").id(), new Decision.RequestSupplement(List.of("原购房发票"), null), TAX,
				this.clock);

		assertThatThrownBy(() -> application.provideSupplement(Actor.applicant("applicant2"), this.clock, DAYS))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThatThrownBy(() -> application.withdraw(Actor.applicant("applicant2"), this.clock))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThat(application.visibleTo(Actor.applicant("applicant2"))).isFalse();
		assertThat(application.visibleTo(SELLER)).isTrue();
		assertThat(application.visibleTo(Actor.reviewer("reviewer-health", "health"))).isFalse();
	}

	@Test
	void canBeWithdrawnBeforeADecisionButNotAfter() {
		Application open = aFlatTransfer();
		open.withdraw(SELLER, this.clock);
		assertThat(open.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
		assertThat(open.tasks()).extracting(Task::status).containsOnly(TaskStatus.WITHDRAWN);

		Application rejected = aFlatTransfer();
		rejected.decide(task(rejected, "tax").id(), new Decision.Reject("不符合条件"), TAX, this.clock);
		assertThatThrownBy(() -> rejected.withdraw(SELLER, this.clock)).hasFieldOrPropertyWithValue("code",
				"application_finished");
	}

	@Test
	void refusesADecisionOnATaskThatIsNoLongerOpen() {
		Application application = aFlatTransfer();
		TaskId housing = task(application, "housing").id();
		application.decide(housing, Decision.Approve.here(), HOUSING, this.clock);

		assertThatThrownBy(() -> application.decide(housing, Decision.Approve.here(), HOUSING, this.clock))
			.hasFieldOrPropertyWithValue("code", "task_not_open");
	}

	@Test
	void recordsWhoDidWhatWhenAndWhyInItsHistory() {
		Application application = aFlatTransfer();
		TaskId tax = task(application, "tax").id();
		this.clock.set(LocalDateTime.of(2025, 9, 26, 11, 0));

		application.decide(tax, new Decision.RequestSupplement(List.of("原购房发票"), null), TAX, this.clock);

		assertThat(application.newHistory()).filteredOn((entry) -> tax.equals(entry.task()))
			.extracting((entry) -> entry.actor() + " " + entry.from() + " -> " + entry.to() + " " + entry.reason())
			.containsExactly("applicant1 null -> IN_REVIEW:decide null",
					"reviewer-tax IN_REVIEW:decide -> WAITING_FOR_SUPPLEMENT:decide 原购房发票");
		assertThat(application.newHistory()).filteredOn((entry) -> entry.task() == null)
			.extracting((entry) -> entry.from() + " -> " + entry.to())
			.containsExactly("null -> IN_REVIEW", "IN_REVIEW -> WAITING_FOR_SUPPLEMENT");
	}

	@Test
	void leavesAClerkStepToTheClerksAtTheHall() {
		Workflow atTheWindow = new Workflow(List.of(new ReviewStep("verify", StepRole.CLERK, List.of("register")),
				new ReviewStep("register", StepRole.REVIEWER, List.of())));
		Application marriage = Application.file("339900-20250926-000002",
				Subject.person(ResidentId.of("339902198503120016")), SELLER, Channel.HALL, null,
				List.of(new PlannedTask("339900-CIVIL-001", 1, "civil", atTheWindow, 0, 1)), Map.of(), List.of(),
				this.clock, DAYS);
		TaskId task = marriage.tasks().get(0).id();
		Actor civilReviewer = Actor.reviewer("reviewer-civil", "civil");

		assertThatThrownBy(() -> marriage.decide(task, Decision.Approve.here(), civilReviewer, this.clock))
			.hasFieldOrPropertyWithValue("code", "task_not_found");
		marriage.decide(task, Decision.Approve.here(), Actor.clerk("clerk1"), this.clock);
		marriage.decide(task, Decision.Approve.here(), civilReviewer, this.clock);

		assertThat(marriage.status()).isEqualTo(ApplicationStatus.APPROVED);
	}

	static final Subject GROOM = Subject.person(ResidentId.of("339902198503120016"));

	static final Subject BRIDE = Subject.person(ResidentId.of("339903199007180029"));

	/**
	 * A marriage filed at the window for the groom, both parties to confirm in person:
	 * the groom at the window that filed it, the bride still to come.
	 */
	Application aMarriageFiledAtTheWindow() {
		return Application.file("339900-20250926-000003", GROOM, Actor.clerk("clerk1"), Channel.HALL, null,
				List.of(new PlannedTask("339900-CIVIL-001", 1, "civil", Workflow.SINGLE_DECISION, 0, 1)),
				Map.of("partyAId", GROOM.identifier(), "partyBId", BRIDE.identifier()), List.of(),
				List.of(PartyConfirmation.byFiling(GROOM, Party.Role.HUSBAND, Party.Confirmation.IN_PERSON,
						this.clock.instant(), "clerk1", Channel.HALL, "hash"),
						PartyConfirmation.pending(BRIDE, Party.Role.WIFE, Party.Confirmation.IN_PERSON)),
				this.clock, DAYS);
	}

	@Test
	void aMarriageWaitsForBothPartiesInPersonAtAWindowWithTheirIdentityChecked() {
		Application marriage = aMarriageFiledAtTheWindow();
		UUID bride = marriage.parties().get(1).id();
		PartyConfirmation.WindowCheck cardRead = new PartyConfirmation.WindowCheck(
				PartyConfirmation.IdentityCheck.ID_CARD, BRIDE.identifier(), "clerk2", "city");

		assertThat(marriage.status()).isEqualTo(ApplicationStatus.AWAITING_PARTIES);
		assertThat(marriage.tasks()).extracting(Task::status).containsOnly(TaskStatus.AWAITING_PARTIES);
		assertThat(marriage.events()).singleElement().isInstanceOf(ApplicationEvents.ApplicationAwaitingParties.class);
		assertThatThrownBy(
				() -> marriage.confirm(bride, Actor.applicant("applicant2", BRIDE), "hash", null, this.clock, DAYS))
			.hasFieldOrPropertyWithValue("code", "confirmation_in_person");
		assertThatThrownBy(() -> marriage.confirm(bride, Actor.clerk("clerk2"), "hash", null, this.clock, DAYS))
			.hasFieldOrPropertyWithValue("code", "identity_check_missing");
		assertThat(marriage.status()).isEqualTo(ApplicationStatus.AWAITING_PARTIES);

		marriage.confirm(bride, Actor.clerk("clerk2"), "hash", cardRead, this.clock, DAYS);

		assertThat(marriage.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(marriage.parties().get(1)).satisfies((part) -> {
			assertThat(part.state()).isEqualTo(PartyConfirmation.State.CONFIRMED);
			assertThat(part.channel()).isEqualTo(Channel.HALL);
			assertThat(part.window()).isEqualTo(cardRead);
			assertThat(part.decidedBy()).isEqualTo("clerk2");
		});
		assertThat(marriage.events()).last().isInstanceOf(ApplicationEvents.ApplicationSubmitted.class);
	}

	@Test
	void aMarriageFiledOnlineWaitsForTheFilerInPersonToo() {
		Application online = Application.file("339900-20250926-000004", GROOM, SELLER, Channel.ONLINE, null,
				List.of(new PlannedTask("339900-CIVIL-001", 1, "civil", Workflow.SINGLE_DECISION, 0, 1)), Map.of(),
				List.of(),
				List.of(PartyConfirmation.pending(GROOM, Party.Role.HUSBAND, Party.Confirmation.IN_PERSON),
						PartyConfirmation.pending(BRIDE, Party.Role.WIFE, Party.Confirmation.IN_PERSON)),
				this.clock, DAYS);
		UUID groom = online.parties().get(0).id();

		assertThatThrownBy(
				() -> online.confirm(groom, Actor.applicant("applicant1", GROOM), "hash", null, this.clock, DAYS))
			.hasFieldOrPropertyWithValue("code", "confirmation_in_person");
		assertThat(online.status()).isEqualTo(ApplicationStatus.AWAITING_PARTIES);
	}

	@Test
	void countsTheCommittedLimitFromTheLastConfirmationNotFromTheFiling() {
		Application marriage = aMarriageFiledAtTheWindow();
		UUID bride = marriage.parties().get(1).id();
		// confirmed after the National Day week: the one working day counts from then
		this.clock.set(LocalDateTime.of(2025, 10, 9, 9, 0));

		marriage.confirm(bride, Actor.clerk("clerk1"), "hash",
				new PartyConfirmation.WindowCheck(PartyConfirmation.IdentityCheck.TICKET, "A017", "clerk1", "city"),
				this.clock, DAYS);

		assertThat(marriage.tasks().get(0).status()).isEqualTo(TaskStatus.IN_REVIEW);
		assertThat(marriage.tasks().get(0).committedDue()).isEqualTo(LocalDate.of(2025, 10, 9));
		assertThat(marriage.tasks().get(0).statutoryDue()).isEqualTo(LocalDate.of(2025, 10, 10));
	}

	@Test
	void aDeclineEndsTheMatterAndLapsingEndsAMatterStillWaiting() {
		Application declined = aMarriageFiledAtTheWindow();
		Application lapsed = aMarriageFiledAtTheWindow();
		UUID bride = declined.parties().get(1).id();

		assertThatThrownBy(() -> declined.decline(bride, Actor.applicant("applicant2", BRIDE), " ", null, this.clock))
			.hasFieldOrPropertyWithValue("code", "confirmation_reason_missing");
		declined.decline(bride, Actor.clerk("clerk1"), "本人不同意结婚",
				new PartyConfirmation.WindowCheck(PartyConfirmation.IdentityCheck.ID_CARD, "x", "clerk1", "city"),
				this.clock);
		lapsed.lapse(this.clock);

		assertThat(declined.status()).isEqualTo(ApplicationStatus.DECLINED);
		assertThat(declined.status().finished()).isTrue();
		assertThat(declined.tasks()).extracting(Task::status).containsOnly(TaskStatus.WITHDRAWN);
		assertThat(declined.events()).last()
			.isInstanceOfSatisfying(ApplicationEvents.ApplicationDeclined.class,
					(event) -> assertThat(event.reason()).isEqualTo("本人不同意结婚"));
		assertThat(lapsed.status()).isEqualTo(ApplicationStatus.LAPSED);
		assertThatThrownBy(() -> lapsed.lapse(this.clock)).hasFieldOrPropertyWithValue("code", "confirmation_closed");
	}

}
