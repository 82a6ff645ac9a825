package org.onevisit.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.ApplicationWithdrawn;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationEvents.FiledItem;
import org.onevisit.applications.ApplicationEvents.SupplementProvided;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;

/**
 * A citizen's or business's matter: one item, or a bundle of items reviewed by their
 * departments in parallel. The application guards its own state; every transition appends
 * to its history and may raise an event, both collected for the repository to save.
 */
public final class Application {

	private final ApplicationId id;

	private final String trackingNumber;

	private final Subject subject;

	private final String filedBy;

	private final Channel channel;

	private String hallCode;

	private final String bundleCode;

	private final Map<String, Object> form;

	private List<MaterialRecord> materials;

	private final List<Task> tasks;

	private final Instant submittedAt;

	private ApplicationStatus status;

	private Instant finishedAt;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<ApplicationEvent> events = new ArrayList<>();

	private Application(ApplicationId id, String trackingNumber, Subject subject, String filedBy, Channel channel,
			String bundleCode, Map<String, Object> form, List<MaterialRecord> materials, List<Task> tasks,
			Instant submittedAt, ApplicationStatus status, Instant finishedAt) {
		this.id = id;
		this.trackingNumber = trackingNumber;
		this.subject = subject;
		this.filedBy = filedBy;
		this.channel = channel;
		this.bundleCode = bundleCode;
		// null when loaded to decide a task: deciding never reads the form, and it is the
		// largest part of the row
		this.form = (form != null) ? Map.copyOf(form) : null;
		this.materials = List.copyOf(materials);
		this.tasks = List.copyOf(tasks);
		this.submittedAt = submittedAt;
		this.status = status;
		this.finishedAt = finishedAt;
	}

	/**
	 * An application as it was saved, for its repository alone (an architecture test
	 * holds every other caller out): a new one is only ever {@link #file filed}.
	 */
	public static Application restore(ApplicationId id, String trackingNumber, Subject subject, String filedBy,
			Channel channel, String bundleCode, Map<String, Object> form, List<MaterialRecord> materials,
			List<Task> tasks, Instant submittedAt, ApplicationStatus status, Instant finishedAt) {
		return new Application(id, trackingNumber, subject, filedBy, channel, bundleCode, form, materials, tasks,
				submittedAt, status, finishedAt);
	}

	/**
	 * Files an application: a task per planned item, all open at their first step, each
	 * with due dates counted in working days from the day of submission.
	 */
	public static Application file(String trackingNumber, Subject subject, Actor filedBy, Channel channel,
			String bundleCode, List<PlannedTask> planned, Map<String, Object> form, List<MaterialRecord> materials,
			Clock clock, WorkingDays days) {
		if (planned.isEmpty()) {
			throw new IllegalArgumentException("an application has at least one item");
		}
		Instant now = clock.instant();
		LocalDate submitted = LocalDate.ofInstant(now, clock.getZone());
		List<Task> tasks = planned.stream().map((plan) -> Task.open(plan, submitted, days)).toList();
		Application application = new Application(ApplicationId.next(), trackingNumber, subject, filedBy.username(),
				channel, bundleCode, form, materials, tasks, now, ApplicationStatus.IN_REVIEW, null);
		application.record(now, filedBy, null, null, ApplicationStatus.IN_REVIEW.name(), null);
		tasks.forEach((task) -> application.record(now, filedBy, task.id(), null, task.describe(), null));
		boolean awaitingData = materials.stream()
			.anyMatch((material) -> material.state() == MaterialRecord.State.PENDING_FETCH);
		application.events.add(new ApplicationSubmitted(application.id, trackingNumber,
				tasks.stream()
					.map((task) -> new FiledItem(task.id(), task.plan().itemCode(), task.plan().itemVersion()))
					.toList(),
				awaitingData, now));
		return application;
	}

	/** Accepted at this hall's window; set when filed, never changed. */
	public void receivedAt(String hall) {
		if (this.channel != Channel.HALL) {
			throw new IllegalStateException("only a matter filed at a hall has a hall");
		}
		this.hallCode = hall;
	}

	public String hallCode() {
		return this.hallCode;
	}

	/**
	 * Records what the registries answered for materials waiting for data; a material no
	 * longer waiting keeps its state.
	 */
	public void recordData(List<ApplicationManagement.DataOutcome> outcomes, Actor by, Clock clock) {
		Instant now = clock.instant();
		List<MaterialRecord> updated = new ArrayList<>(this.materials);
		for (ApplicationManagement.DataOutcome outcome : outcomes) {
			for (int m = 0; m < updated.size(); m++) {
				MaterialRecord material = updated.get(m);
				if (material.code().equals(outcome.materialCode())
						&& material.state() == MaterialRecord.State.PENDING_FETCH
						&& (outcome.state() != material.state() || !Objects.equals(outcome.note(), material.note()))) {
					updated.set(m, material.now(outcome.state(), outcome.reference(), outcome.note()));
					record(now, by, null, "material " + material.code() + " " + material.state(),
							"material " + material.code() + " " + outcome.state(), outcome.note());
				}
			}
		}
		this.materials = List.copyOf(updated);
	}

	/** A reviewer's decision on one task, at its current step. */
	public void decide(TaskId taskId, Decision decision, Actor by, Clock clock) {
		Task task = taskFor(taskId, by);
		if (!task.actionableBy(by)) {
			throw ReviewRefused.taskNotFound(taskId);
		}
		Instant now = clock.instant();
		// Java 17: no pattern switch yet; the interface is sealed, so these are all the
		// cases
		if (decision instanceof Decision.Approve approve) {
			record(now, by, task.id(), task.approve(approve.nextStep()), task.describe(), null);
		}
		else if (decision instanceof Decision.Reject reject) {
			record(now, by, task.id(), task.reject(reject.reason()), task.describe(), task.reason());
		}
		else if (decision instanceof Decision.RequestSupplement supplement) {
			String before = task.requestSupplement(supplement.missing(), now);
			record(now, by, task.id(), before, task.describe(), String.join("；", task.missing()));
			this.events.add(new SupplementRequested(this.id, task.id(), task.missing(), now));
		}
		settle(now, by);

	}

	/**
	 * Instant approval (秒批): the platform approves a task whose item's rules all held on
	 * the signed registry data; the trace of every rule is the history's reason.
	 */
	public void approveByRules(TaskId taskId, String trace, Clock clock) {
		Task task = taskFor(taskId, Actor.system());
		Instant now = clock.instant();
		record(now, Actor.system(), task.id(), task.approveByRules(), task.describe(), trace);
		settle(now, Actor.system());
	}

	/**
	 * Conditions of eligibility of an item that the registries' data could not confirm
	 * (missing, stale or unavailable): the task stays with a person, never approved by
	 * rules on that data, and its history says why.
	 */
	public void eligibilityUnconfirmed(String itemCode, String reason, Actor by, Clock clock) {
		Instant now = clock.instant();
		this.tasks.stream()
			.filter((task) -> task.plan().itemCode().equals(itemCode) && task.status().open())
			.forEach((task) -> record(now, by, task.id(), task.describe(), task.describe(), reason));
	}

	/**
	 * The applicant provides everything asked for: every task waiting for a supplement
	 * resumes, its due dates moved by the working days it waited.
	 */
	public void provideSupplement(Actor by, Clock clock, WorkingDays days) {
		requireOwner(by);
		List<Task> waiting = this.tasks.stream()
			.filter((task) -> task.status() == TaskStatus.WAITING_FOR_SUPPLEMENT)
			.toList();
		if (waiting.isEmpty()) {
			throw ReviewRefused.nothingToSupplement(this.id);
		}
		Instant now = clock.instant();
		for (Task task : waiting) {
			String before = task.resume(now, days, clock.getZone());
			record(now, by, task.id(), before, task.describe(), null);
			this.events.add(new SupplementProvided(this.id, task.id(), now));
		}
		settle(now, by);
	}

	/** The applicant withdraws the matter before it is decided. */
	public void withdraw(Actor by, Clock clock) {
		requireOwner(by);
		if (this.status.finished()) {
			throw ReviewRefused.applicationFinished(this.id, this.status);
		}
		Instant now = clock.instant();
		this.tasks.stream()
			.filter((task) -> task.status().open())
			.forEach((task) -> record(now, by, task.id(), task.withdraw(), task.describe(), null));
		changeStatus(ApplicationStatus.WITHDRAWN, now, by, null);
		this.events.add(new ApplicationWithdrawn(this.id, now));
	}

	/** The application's due date: the latest of its tasks' committed dues. */
	public LocalDate committedDue() {
		return this.tasks.stream().map(Task::committedDue).max(Comparator.naturalOrder()).orElseThrow();
	}

	public LocalDate statutoryDue() {
		return this.tasks.stream().map(Task::statutoryDue).max(Comparator.naturalOrder()).orElseThrow();
	}

	/**
	 * When the applicant may expect the result: the latest of the open tasks, counting a
	 * pause still running.
	 */
	public LocalDate predictedCompletion(Clock clock, WorkingDays days) {
		ZoneId zone = clock.getZone();
		if (this.status.finished()) {
			return LocalDate.ofInstant(this.finishedAt, zone);
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		return this.tasks.stream()
			.filter((task) -> task.status().open())
			.map((task) -> task.predictedCompletion(today, days, zone))
			.max(Comparator.naturalOrder())
			.orElse(today);
	}

	/**
	 * Whether this actor may see the application at all: its applicant, or a reviewer of
	 * one of its tasks.
	 */
	public boolean visibleTo(Actor actor) {
		return switch (actor.kind()) {
			case APPLICANT -> ownedBy(actor);
			case REVIEWER -> this.tasks.stream().anyMatch((task) -> task.visibleTo(actor));
			case CLERK, SUPERVISOR, PLATFORM -> true;
		};
	}

	/**
	 * The history this application's verbs wrote since it was loaded, for the repository
	 * to append.
	 */
	public List<HistoryEntry> newHistory() {
		return List.copyOf(this.newHistory);
	}

	/**
	 * The events raised since the application was loaded, for the repository to publish
	 * with the save.
	 */
	public List<ApplicationEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * What another module may know of this application (see {@link ApplicationSummary}).
	 */
	public ApplicationSummary summary() {
		return new ApplicationSummary(this.id, this.trackingNumber, this.subject, this.filedBy, this.channel,
				this.status, this.submittedAt, this.finishedAt,
				this.tasks.stream()
					.map((task) -> new ApplicationSummary.Item(task.plan().itemCode(), task.plan().itemVersion(),
							task.plan().departmentCode()))
					.toList());
	}

	/** A task of this application whoever asks; the caller checks who may see it. */
	public Optional<Task> task(TaskId id) {
		return this.tasks.stream().filter((task) -> task.id().equals(id)).findFirst();
	}

	private void settle(Instant now, Actor by) {
		if (this.status.finished()) {
			return;
		}
		if (this.tasks.stream().anyMatch((task) -> task.status() == TaskStatus.REJECTED)) {
			// the citizen learns at once; the other departments stop working on a matter
			// that cannot succeed
			this.tasks.stream()
				.filter((task) -> task.status().open())
				.forEach((task) -> record(now, by, task.id(), task.withdraw(), task.describe(),
						"rejected by another department"));
			changeStatus(ApplicationStatus.REJECTED, now, by, null);
			this.events.add(new ApplicationRejected(this.id, this.trackingNumber, now));
		}
		else if (this.tasks.stream().allMatch((task) -> task.status() == TaskStatus.APPROVED)) {
			changeStatus(ApplicationStatus.APPROVED, now, by, null);
			this.events.add(new ApplicationApproved(this.id, this.trackingNumber,
					this.tasks.stream()
						.map((task) -> new ApprovedItem(task.id(), task.plan().itemCode(), task.plan().itemVersion(),
								task.plan().departmentCode()))
						.toList(),
					now));
		}
		else {
			boolean waiting = this.tasks.stream()
				.anyMatch((task) -> task.status() == TaskStatus.WAITING_FOR_SUPPLEMENT);
			changeStatus(waiting ? ApplicationStatus.WAITING_FOR_SUPPLEMENT : ApplicationStatus.IN_REVIEW, now, by,
					null);
		}
	}

	private void changeStatus(ApplicationStatus next, Instant at, Actor by, String reason) {
		if (next == this.status) {
			return;
		}
		record(at, by, null, this.status.name(), next.name(), reason);
		this.status = next;
		if (next.finished()) {
			this.finishedAt = at;
		}
	}

	private Task taskFor(TaskId taskId, Actor by) {
		return this.tasks.stream()
			.filter((task) -> task.id().equals(taskId))
			.filter((task) -> by.kind() != Actor.Kind.REVIEWER || task.visibleTo(by))
			.findFirst()
			.orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
	}

	/**
	 * The applicant who filed it, or the person or business it is about (a walk-in served
	 * at a window follows the matter online with their own account).
	 */
	private boolean ownedBy(Actor applicant) {
		return this.filedBy.equals(applicant.username())
				|| (applicant.subject() != null && applicant.subject().equals(this.subject));
	}

	private void requireOwner(Actor by) {
		if (by.kind() != Actor.Kind.APPLICANT || !ownedBy(by)) {
			throw ReviewRefused.applicationNotFound(this.id);
		}
	}

	private void record(Instant at, Actor by, TaskId task, String from, String to, String reason) {
		this.newHistory.add(new HistoryEntry(at, by.username(), task, from, to, reason));
	}

	public ApplicationId id() {
		return this.id;
	}

	public String trackingNumber() {
		return this.trackingNumber;
	}

	public Subject subject() {
		return this.subject;
	}

	public String filedBy() {
		return this.filedBy;
	}

	public Channel channel() {
		return this.channel;
	}

	public String bundleCode() {
		return this.bundleCode;
	}

	public Map<String, Object> form() {
		if (this.form == null) {
			throw new IllegalStateException(
					"application " + this.id + " was loaded to decide a task, without its form");
		}
		return this.form;
	}

	public List<MaterialRecord> materials() {
		return this.materials;
	}

	public List<Task> tasks() {
		return this.tasks;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	public ApplicationStatus status() {
		return this.status;
	}

	public Instant finishedAt() {
		return this.finishedAt;
	}

}
