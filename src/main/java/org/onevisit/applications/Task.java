package org.onevisit.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.Workflow;
import org.onevisit.identity.Actor;
import org.onevisit.shared.WorkingDays;

/**
 * One department's part of an application: its item, the review step it is at, and its
 * clock. The due dates are counted in working days from submission and move by every
 * working day spent waiting for the applicant.
 */
public final class Task {

	private final TaskId id;

	private final PlannedTask plan;

	private String step;

	private TaskStatus status;

	private LocalDate committedDue;

	private LocalDate statutoryDue;

	private Instant pausedSince;

	private int pausedWorkingDays;

	private List<String> missing = List.of();

	private String reason;

	private long version;

	private List<String> awaiting;

	private List<SupplementItem> asked = List.of();

	private LocalDate supplementDue;

	private Task(TaskId id, PlannedTask plan, String step, TaskStatus status, LocalDate committedDue,
			LocalDate statutoryDue, Instant pausedSince, int pausedWorkingDays, List<String> missing, String reason,
			long version, List<String> awaiting) {
		this.id = id;
		this.plan = plan;
		this.step = step;
		this.status = status;
		this.committedDue = committedDue;
		this.statutoryDue = statutoryDue;
		this.pausedSince = pausedSince;
		this.pausedWorkingDays = pausedWorkingDays;
		this.missing = List.copyOf(missing);
		this.reason = reason;
		this.version = version;
		this.awaiting = List.copyOf(awaiting);
	}

	/**
	 * A task as it was saved, for the applications' repository alone (an architecture
	 * test holds every other caller out): a new one is only ever opened by filing.
	 */
	public static Task restore(TaskId id, PlannedTask plan, String step, TaskStatus status, LocalDate committedDue,
			LocalDate statutoryDue, Instant pausedSince, int pausedWorkingDays, List<String> missing, String reason,
			long version) {
		return new Task(id, plan, step, status, committedDue, statutoryDue, pausedSince, pausedWorkingDays, missing,
				reason, version, List.of());
	}

	/**
	 * A task as it was saved, with the items whose results it still waits for; for the
	 * applications' repository alone.
	 */
	public static Task restore(TaskId id, PlannedTask plan, String step, TaskStatus status, LocalDate committedDue,
			LocalDate statutoryDue, Instant pausedSince, int pausedWorkingDays, List<String> missing, String reason,
			long version, List<String> awaiting) {
		return new Task(id, plan, step, status, committedDue, statutoryDue, pausedSince, pausedWorkingDays, missing,
				reason, version, awaiting);
	}

	/**
	 * A task as it was saved while it waits for a supplement: what the request asked and
	 * by when; for the applications' repository alone.
	 */
	public static Task restore(TaskId id, PlannedTask plan, String step, TaskStatus status, LocalDate committedDue,
			LocalDate statutoryDue, Instant pausedSince, int pausedWorkingDays, List<String> missing, String reason,
			long version, List<String> awaiting, List<SupplementItem> asked, LocalDate supplementDue) {
		Task task = new Task(id, plan, step, status, committedDue, statutoryDue, pausedSince, pausedWorkingDays,
				missing, reason, version, awaiting);
		task.asked = List.copyOf(asked);
		task.supplementDue = supplementDue;
		return task;
	}

	/**
	 * A task opened at filing: at its first step with its clock running, or, when its
	 * item needs another item's result, waiting for it with due dates only provisional
	 * until {@link #resultIssued} counts them from the day it opens.
	 */
	static Task open(PlannedTask plan, LocalDate submitted, WorkingDays days) {
		boolean waits = !plan.needs().isEmpty();
		return new Task(TaskId.next(), plan, plan.workflow().first().name(),
				waits ? TaskStatus.AWAITING_RESULT : TaskStatus.IN_REVIEW,
				days.addWorkingDays(submitted, plan.committedLimit()).date(),
				days.addWorkingDays(submitted, plan.statutoryLimit()).date(), null, 0, List.of(), null, 0,
				plan.needs());
	}

	/**
	 * A task planned while the matter waits for its parties: not open, its due dates only
	 * provisional until {@link #openOn} counts them from the last confirmation.
	 */
	static Task awaitingParties(PlannedTask plan, LocalDate filed, WorkingDays days) {
		Task task = open(plan, filed, days);
		task.status = TaskStatus.AWAITING_PARTIES;
		return task;
	}

	/**
	 * Every party has confirmed: the task opens at its first step, its due dates counted
	 * from this day; one that needs another item's result waits for it instead.
	 */
	String openOn(LocalDate day, WorkingDays days) {
		requireStatus(TaskStatus.AWAITING_PARTIES);
		String before = describe();
		this.status = this.awaiting.isEmpty() ? TaskStatus.IN_REVIEW : TaskStatus.AWAITING_RESULT;
		this.committedDue = days.addWorkingDays(day, this.plan.committedLimit()).date();
		this.statutoryDue = days.addWorkingDays(day, this.plan.statutoryLimit()).date();
		this.version++;
		return before;
	}

	/**
	 * The result of an item this task waits for was issued. When it was the last, the
	 * task opens at its first step and its clock starts: its due dates count from this
	 * day.
	 * @return the state before, or {@code null} when the task did not wait for that item
	 */
	String resultIssued(String itemCode, LocalDate day, WorkingDays days) {
		if (this.status != TaskStatus.AWAITING_RESULT || !this.awaiting.contains(itemCode)) {
			return null;
		}
		String before = describe();
		this.awaiting = this.awaiting.stream().filter((item) -> !item.equals(itemCode)).toList();
		if (this.awaiting.isEmpty()) {
			this.status = TaskStatus.IN_REVIEW;
			this.committedDue = days.addWorkingDays(day, this.plan.committedLimit()).date();
			this.statutoryDue = days.addWorkingDays(day, this.plan.statutoryLimit()).date();
		}
		this.version++;
		return before;
	}

	/** Whether this task still waits for that item's result. */
	public boolean waitsFor(String itemCode) {
		return this.status == TaskStatus.AWAITING_RESULT && this.awaiting.contains(itemCode);
	}

	/**
	 * Whether this actor may act at the task's current step: its department's reviewer,
	 * or a clerk at a clerk step.
	 */
	public boolean actionableBy(Actor actor) {
		ReviewStep current = currentStep();
		return switch (current.role()) {
			case REVIEWER ->
				actor.kind() == Actor.Kind.REVIEWER && this.plan.departmentCode().equals(actor.departmentCode());
			case CLERK -> actor.kind() == Actor.Kind.CLERK;
		};
	}

	/**
	 * The earlier step, as people read it, that this actor did and the current step must
	 * be done by someone else than (separation of duties); empty when they may act.
	 * @param actorsByStep who acted at each step of this task so far
	 */
	public Optional<String> doneEarlierBy(Actor actor, Map<String, Set<String>> actorsByStep) {
		if (!this.status.open()) {
			return Optional.empty();
		}
		return currentStep().notBy()
			.stream()
			.filter((earlier) -> actorsByStep.getOrDefault(earlier, Set.of()).contains(actor.username()))
			.map((earlier) -> this.plan.workflow().step(earlier).map(ReviewStep::displayName).orElse(earlier))
			.findFirst();
	}

	/**
	 * Whether the current step must be done by someone other than whoever did another.
	 */
	public boolean separatesDuties() {
		return this.status.open() && !currentStep().notBy().isEmpty();
	}

	/** Reviewers of the task's department may see it whatever its step. */
	public boolean visibleTo(Actor actor) {
		return actor.kind() == Actor.Kind.REVIEWER && this.plan.departmentCode().equals(actor.departmentCode());
	}

	String approve(String nextStep) {
		requireStatus(TaskStatus.IN_REVIEW);
		ReviewStep current = currentStep();
		String before = describe();
		if (current.decides()) {
			if (nextStep != null) {
				throw ReviewRefused.decisionInvalid("step " + current.name() + " is a decision step");
			}
			this.status = TaskStatus.APPROVED;
		}
		else {
			String next = (nextStep != null) ? nextStep : current.next().get(0);
			if (!current.next().contains(next)) {
				throw ReviewRefused.decisionInvalid("step " + next + " does not follow " + current.name());
			}
			this.step = next;
		}
		this.version++;
		return before;
	}

	/**
	 * Approved by the item's rules at whatever step it stands: the rules replace the
	 * whole review, not one step of it.
	 */
	/** Whether approving the task now decides it: its current step is the last. */
	public boolean decidesOnApproval() {
		return this.status == TaskStatus.IN_REVIEW && currentStep().decides();
	}

	String approveByRules() {
		requireStatus(TaskStatus.IN_REVIEW);
		String before = describe();
		this.status = TaskStatus.APPROVED;
		this.version++;
		return before;
	}

	String reject(String why) {
		requireStatus(TaskStatus.IN_REVIEW);
		if (why == null || why.isBlank()) {
			throw ReviewRefused.decisionInvalid("a rejection gives the citizen its reason");
		}
		String before = describe();
		this.status = TaskStatus.REJECTED;
		this.reason = why.strip();
		this.version++;
		return before;
	}

	String requestSupplement(List<String> what, Instant at) {
		return requestSupplement(what, List.of(), null, at);
	}

	/**
	 * Asks the applicant for the items and lines, answered by the day due (none: no
	 * deadline); the clock stops meanwhile.
	 */
	String requestSupplement(List<String> what, List<SupplementItem> items, LocalDate due, Instant at) {
		requireStatus(TaskStatus.IN_REVIEW);
		if ((what.isEmpty() && items.isEmpty())
				|| what.stream().anyMatch((entry) -> entry == null || entry.isBlank())) {
			throw ReviewRefused.decisionInvalid("a supplement request lists everything missing");
		}
		if (items.stream().map((item) -> item.kind() + ":" + item.name()).distinct().count() != items.size()) {
			throw ReviewRefused.decisionInvalid("a supplement request names each item once");
		}
		String before = describe();
		this.status = TaskStatus.WAITING_FOR_SUPPLEMENT;
		this.missing = what.stream().map(String::strip).toList();
		this.asked = List.copyOf(items);
		this.supplementDue = due;
		this.pausedSince = at;
		this.version++;
		return before;
	}

	/** Whether its supplement was due before that day and has not come. */
	boolean supplementOverdue(LocalDate today) {
		return this.status == TaskStatus.WAITING_FOR_SUPPLEMENT && this.supplementDue != null
				&& this.supplementDue.isBefore(today);
	}

	/**
	 * The applicant provided what was asked: the clock runs again, the due dates move by
	 * the pause.
	 */
	String resume(Instant at, WorkingDays days, ZoneId zone) {
		requireStatus(TaskStatus.WAITING_FOR_SUPPLEMENT);
		String before = describe();
		int paused = days.workingDaysBetween(LocalDate.ofInstant(this.pausedSince, zone),
				LocalDate.ofInstant(at, zone));
		this.pausedWorkingDays += paused;
		this.committedDue = days.addWorkingDays(this.committedDue, paused).date();
		this.statutoryDue = days.addWorkingDays(this.statutoryDue, paused).date();
		this.status = TaskStatus.IN_REVIEW;
		this.pausedSince = null;
		// what was asked stays in the matter's supplements, with what was given
		this.missing = List.of();
		this.asked = List.of();
		this.supplementDue = null;
		this.version++;
		return before;
	}

	String withdraw() {
		String before = describe();
		this.status = TaskStatus.WITHDRAWN;
		this.pausedSince = null;
		this.awaiting = List.of();
		this.version++;
		return before;
	}

	/**
	 * When the task should now finish: its committed due, moved by a pause still running.
	 */
	LocalDate predictedCompletion(LocalDate today, WorkingDays days, ZoneId zone) {
		if (this.status != TaskStatus.WAITING_FOR_SUPPLEMENT) {
			return this.committedDue;
		}
		int pausedSoFar = days.workingDaysBetween(LocalDate.ofInstant(this.pausedSince, zone), today);
		return days.addWorkingDays(this.committedDue, pausedSoFar).date();
	}

	String describe() {
		return this.status.name() + (this.status.open() ? ":" + this.step : "");
	}

	private void requireStatus(TaskStatus expected) {
		if (this.status != expected) {
			throw ReviewRefused.taskNotOpen(this.id, this.status);
		}
	}

	private ReviewStep currentStep() {
		Workflow workflow = this.plan.workflow();
		return workflow.step(this.step).orElseThrow(() -> new IllegalStateException("unknown step " + this.step));
	}

	public TaskId id() {
		return this.id;
	}

	public PlannedTask plan() {
		return this.plan;
	}

	/** The current step as people read it (受理, 审查). */
	public String stepLabel() {
		return this.plan.workflow().step(this.step).map(ReviewStep::displayName).orElse(this.step);
	}

	public String step() {
		return this.step;
	}

	public TaskStatus status() {
		return this.status;
	}

	public LocalDate committedDue() {
		return this.committedDue;
	}

	public LocalDate statutoryDue() {
		return this.statutoryDue;
	}

	public Instant pausedSince() {
		return this.pausedSince;
	}

	public int pausedWorkingDays() {
		return this.pausedWorkingDays;
	}

	public List<String> missing() {
		return this.missing;
	}

	public String reason() {
		return this.reason;
	}

	/** The materials and fields a supplement request waiting for an answer asks for. */
	public List<SupplementItem> asked() {
		return this.asked;
	}

	/** The last day to answer the supplement request waiting; null when none waits. */
	public LocalDate supplementDue() {
		return this.supplementDue;
	}

	/** The items of the bundle whose results the task still waits for; none once open. */
	public List<String> awaiting() {
		return this.awaiting;
	}

	/**
	 * How many transitions the task has gone through: each verb that changes it counts
	 * one, and the repository saves a task only over the version it loaded.
	 */
	public long version() {
		return this.version;
	}

}
