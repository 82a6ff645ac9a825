package org.onevisit.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingParties;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingPayment;
import org.onevisit.applications.ApplicationEvents.ApplicationDeclined;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsed;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsedUnpaid;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.ApplicationWithdrawn;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationEvents.FiledItem;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.applications.ApplicationEvents.SupplementLapsed;
import org.onevisit.applications.ApplicationEvents.SupplementProvided;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.catalog.Party;
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

	private String owningHallCode;

	private final String bundleCode;

	private Map<String, Object> form;

	private boolean formCorrected;

	private final List<Supplement> newSupplements = new ArrayList<>();

	private final List<Supplement.Answered> answeredSupplements = new ArrayList<>();

	private List<MaterialRecord> materials;

	private List<PartyConfirmation> parties;

	private final List<Task> tasks;

	private final Instant submittedAt;

	private ApplicationStatus status;

	private Instant finishedAt;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<ApplicationEvent> events = new ArrayList<>();

	private Application(ApplicationId id, String trackingNumber, Subject subject, String filedBy, Channel channel,
			String bundleCode, Map<String, Object> form, List<MaterialRecord> materials,
			List<PartyConfirmation> parties, List<Task> tasks, Instant submittedAt, ApplicationStatus status,
			Instant finishedAt) {
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
		this.parties = List.copyOf(parties);
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
			List<PartyConfirmation> parties, List<Task> tasks, Instant submittedAt, ApplicationStatus status,
			Instant finishedAt) {
		return new Application(id, trackingNumber, subject, filedBy, channel, bundleCode, form, materials, parties,
				tasks, submittedAt, status, finishedAt);
	}

	/**
	 * Files an application: a task per planned item, all open at their first step, each
	 * with due dates counted in working days from the day of submission.
	 */
	public static Application file(String trackingNumber, Subject subject, Actor filedBy, Channel channel,
			String bundleCode, List<PlannedTask> planned, Map<String, Object> form, List<MaterialRecord> materials,
			Clock clock, WorkingDays days) {
		return file(trackingNumber, subject, filedBy, channel, bundleCode, planned, form, materials, List.of(), clock,
				days);
	}

	/**
	 * Files an application with its parties. While a party other than the filer has still
	 * to confirm, the matter waits for them: its tasks are planned but not open, no clock
	 * runs and nothing is submitted to the departments; otherwise it is submitted at
	 * once.
	 */
	public static Application file(String trackingNumber, Subject subject, Actor filedBy, Channel channel,
			String bundleCode, List<PlannedTask> planned, Map<String, Object> form, List<MaterialRecord> materials,
			List<PartyConfirmation> parties, Clock clock, WorkingDays days) {
		if (planned.isEmpty()) {
			throw new IllegalArgumentException("an application has at least one item");
		}
		Instant now = clock.instant();
		LocalDate submitted = LocalDate.ofInstant(now, clock.getZone());
		boolean waiting = parties.stream().anyMatch(PartyConfirmation::pending);
		List<Task> tasks = planned.stream()
			.map((plan) -> waiting ? Task.awaitingParties(plan, submitted, days) : Task.open(plan, submitted, days))
			.toList();
		ApplicationStatus status = waiting ? ApplicationStatus.AWAITING_PARTIES : ApplicationStatus.IN_REVIEW;
		Application application = new Application(ApplicationId.next(), trackingNumber, subject, filedBy.username(),
				channel, bundleCode, form, materials, parties, tasks, now, status, null);
		application.record(now, filedBy, null, null, status.name(), null);
		tasks.forEach((task) -> application.record(now, filedBy, task.id(), null, task.describe(), null));
		if (waiting) {
			application.events.add(new ApplicationAwaitingParties(application.id, trackingNumber, subject,
					application.channel,
					parties.stream().filter(PartyConfirmation::pending).map(PartyConfirmation::party).toList(), now));
		}
		else {
			application.submitted(now);
		}
		return application;
	}

	/** Submitted to the departments: evidence, instant approval and fees follow this. */
	private void submitted(Instant now) {
		boolean awaitingData = this.materials.stream()
			.anyMatch((material) -> material.state() == MaterialRecord.State.PENDING_FETCH);
		this.events.add(new ApplicationSubmitted(this.id, this.trackingNumber, this.subject, this.channel,
				this.tasks.stream()
					.map((task) -> new FiledItem(task.id(), task.plan().itemCode(), task.plan().itemVersion()))
					.toList(),
				awaitingData, committedDue(), now));
	}

	/**
	 * A party confirms their part, online as themselves or at a window before a clerk who
	 * checked their identity. When the last one has, the tasks open with their due dates
	 * counted from today (the committed limit runs from the last confirmation), and the
	 * matter is submitted to the departments.
	 */
	public void confirm(UUID confirmation, Actor by, String hash, PartyConfirmation.WindowCheck check, Clock clock,
			WorkingDays days) {
		PartyConfirmation part = decidable(confirmation, by, check);
		Instant now = clock.instant();
		Channel through = (check != null) ? Channel.HALL : Channel.ONLINE;
		replace(part.confirmed(now, by.username(), through, hash, check));
		record(now, by, null, "party " + part.role() + " " + PartyConfirmation.State.PENDING,
				"party " + part.role() + " " + PartyConfirmation.State.CONFIRMED, null);
		if (this.parties.stream().noneMatch(PartyConfirmation::pending)) {
			LocalDate today = LocalDate.ofInstant(now, clock.getZone());
			for (Task task : this.tasks) {
				record(now, by, task.id(), task.openOn(today, days), task.describe(), null);
			}
			changeStatus(ApplicationStatus.IN_REVIEW, now, by, null);
			submitted(now);
		}
	}

	/**
	 * A party declines, with their reason: the matter ends, and the filer is told why.
	 */
	public void decline(UUID confirmation, Actor by, String reason, PartyConfirmation.WindowCheck check, Clock clock) {
		if (reason == null || reason.isBlank()) {
			throw ConfirmationRefused.reasonMissing();
		}
		PartyConfirmation part = decidable(confirmation, by, check);
		Instant now = clock.instant();
		Channel through = (check != null) ? Channel.HALL : Channel.ONLINE;
		replace(part.declined(now, by.username(), through, reason.strip(), check));
		record(now, by, null, "party " + part.role() + " " + PartyConfirmation.State.PENDING,
				"party " + part.role() + " " + PartyConfirmation.State.DECLINED, reason.strip());
		endWaiting(ApplicationStatus.DECLINED, now, by, reason.strip());
		this.events
			.add(new ApplicationDeclined(this.id, this.trackingNumber, this.subject, part.role(), reason.strip(), now));
	}

	/**
	 * Nobody confirmed in time: the matter lapses, and the filer is told.
	 */
	public void lapse(Clock clock) {
		if (this.status != ApplicationStatus.AWAITING_PARTIES) {
			throw ConfirmationRefused.matterNotWaiting(this.id, this.status);
		}
		Instant now = clock.instant();
		endWaiting(ApplicationStatus.LAPSED, now, Actor.system(), null);
		this.events.add(new ApplicationLapsed(this.id, this.trackingNumber, this.subject, now));
	}

	private void endWaiting(ApplicationStatus end, Instant now, Actor by, String reason) {
		this.tasks.stream()
			.filter((task) -> task.status() == TaskStatus.AWAITING_PARTIES)
			.forEach((task) -> record(now, by, task.id(), task.withdraw(), task.describe(), null));
		changeStatus(end, now, by, reason);
	}

	/**
	 * The pending part this actor may decide: their own online, or anyone's at a window
	 * with the identity check recorded. Another's part is not found.
	 */
	private PartyConfirmation decidable(UUID confirmation, Actor by, PartyConfirmation.WindowCheck check) {
		PartyConfirmation part = this.parties.stream()
			.filter((candidate) -> candidate.id().equals(confirmation))
			.findFirst()
			.orElseThrow(() -> ConfirmationRefused.notFound(confirmation));
		boolean atWindow = by.kind() == Actor.Kind.CLERK;
		if (!atWindow && (by.kind() != Actor.Kind.APPLICANT || !part.concerns(by.subject()))) {
			throw ConfirmationRefused.notFound(confirmation);
		}
		if (!part.pending()) {
			throw ConfirmationRefused.alreadyDecided(confirmation);
		}
		if (this.status != ApplicationStatus.AWAITING_PARTIES) {
			throw ConfirmationRefused.matterNotWaiting(this.id, this.status);
		}
		if (atWindow && (check == null || check.check() == null || check.reference() == null
				|| check.reference().isBlank())) {
			throw ConfirmationRefused.identityCheckMissing();
		}
		if (!atWindow && part.mode() == Party.Confirmation.IN_PERSON) {
			throw ConfirmationRefused.inPersonOnly(confirmation);
		}
		return part;
	}

	private void replace(PartyConfirmation decided) {
		this.parties = this.parties.stream().map((part) -> part.id().equals(decided.id()) ? decided : part).toList();
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
	 * Handled by the county that owns the matter, whose implementation names this hall
	 * (全市通办: accepted at one hall, handled by another region's department); set when
	 * filed.
	 */
	public void ownedBy(String hall) {
		this.owningHallCode = hall;
	}

	/** The hall of the region that owns the matter, where it is not the accepting one. */
	public String owningHallCode() {
		return this.owningHallCode;
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

	/**
	 * What an approved matter still owes, asked only once every task is approved: none
	 * for a matter that owes nothing.
	 */
	public interface Owing extends Function<List<ApprovedItem>, Optional<Dues.Owed>> {

		Owing NOTHING = (items) -> Optional.empty();

	}

	/** A reviewer's decision on one task, at its current step, for a free matter. */
	public void decide(TaskId taskId, Decision decision, Actor by, Clock clock) {
		decide(taskId, decision, by, clock, Owing.NOTHING);
	}

	/**
	 * A reviewer's decision on one task, at its current step. When it completes the
	 * matter and something is owed, the matter waits for payment instead of being
	 * approved.
	 */
	public void decide(TaskId taskId, Decision decision, Actor by, Clock clock, Owing owing) {
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
			List<SupplementItem> items = supplement.items().stream().map(this::namedMaterial).toList();
			String before = task.requestSupplement(supplement.missing(), items, supplement.due(), now);
			List<String> lines = new ArrayList<>();
			items.forEach((item) -> lines.add(item.line()));
			lines.addAll(task.missing());
			record(now, by, task.id(), before, task.describe(), String.join("；", lines));
			this.newSupplements.add(new Supplement(task.id(), now, by.username(), items, task.missing(),
					supplement.due(), null, null, List.of()));
			this.events.add(new SupplementRequested(this.id, this.trackingNumber, this.subject, this.channel, task.id(),
					lines, supplement.due(), now));
		}
		settle(now, by, owing);
		resultNeededOf(task, now);
	}

	/**
	 * Instant approval (秒批): the platform approves a task whose item's rules all held on
	 * the signed registry data; the trace of every rule is the history's reason.
	 */
	public void approveByRules(TaskId taskId, String trace, Clock clock) {
		approveByRules(taskId, trace, clock, Owing.NOTHING);
	}

	/** Instant approval of a matter that may owe fees once every task is approved. */
	public void approveByRules(TaskId taskId, String trace, Clock clock, Owing owing) {
		Task task = taskFor(taskId, Actor.system());
		Instant now = clock.instant();
		record(now, Actor.system(), task.id(), task.approveByRules(), task.describe(), trace);
		settle(now, Actor.system(), owing);
		resultNeededOf(task, now);
	}

	/**
	 * A task just approved whose item another task of the matter waits for: its result is
	 * needed now, not when the whole matter is approved.
	 */
	private void resultNeededOf(Task task, Instant now) {
		if (task.status() != TaskStatus.APPROVED || this.status.finished()) {
			return;
		}
		String item = task.plan().itemCode();
		if (this.tasks.stream().anyMatch((other) -> other.waitsFor(item))) {
			this.events.add(new ResultNeeded(this.id, this.trackingNumber, approvedItem(task), now));
		}
	}

	/**
	 * The licence of an item of this matter was issued: the tasks waiting for it open
	 * when it was the last result they waited for (their clock starts today), and the
	 * materials it is (the materials of its licence type still waiting for a licence) are
	 * attached. Issued again, it changes nothing.
	 */
	public void resultIssued(String itemCode, Set<String> materialCodes, String licence, Clock clock,
			WorkingDays days) {
		if (this.status.finished()) {
			return;
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		for (Task task : this.tasks) {
			String before = task.resultIssued(itemCode, today, days);
			if (before != null) {
				record(now, Actor.system(), task.id(), before, task.describe(), null);
			}
		}
		List<MaterialRecord> updated = new ArrayList<>(this.materials);
		for (int m = 0; m < updated.size(); m++) {
			MaterialRecord material = updated.get(m);
			if (material.state() == MaterialRecord.State.PENDING_LICENCE && materialCodes.contains(material.code())) {
				updated.set(m, material.now(MaterialRecord.State.LICENCE_HELD, licence, null));
				record(now, Actor.system(), null, "material " + material.code() + " " + material.state(),
						"material " + material.code() + " " + MaterialRecord.State.LICENCE_HELD, null);
			}
		}
		this.materials = List.copyOf(updated);
	}

	/**
	 * Everything owed is paid or waived: a matter waiting for payment is approved now,
	 * and its results follow. Anything else is left as it is, so that a repeated notice
	 * of the payment changes nothing.
	 */
	public boolean settlePayment(Clock clock) {
		if (this.status != ApplicationStatus.AWAITING_PAYMENT) {
			return false;
		}
		approve(clock.instant(), Actor.system());
		return true;
	}

	/** Unpaid in time: the matter lapses without a result, and the applicant is told. */
	public void lapseUnpaid(Clock clock) {
		if (this.status != ApplicationStatus.AWAITING_PAYMENT) {
			throw ReviewRefused.applicationFinished(this.id, this.status);
		}
		Instant now = clock.instant();
		changeStatus(ApplicationStatus.LAPSED, now, Actor.system(), null);
		this.events.add(new ApplicationLapsedUnpaid(this.id, this.trackingNumber, this.subject, now));
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
	 * A material asked for is one of the matter's, named as the applicant reads it; a
	 * field is checked against the form by whoever knows the form.
	 */
	private SupplementItem namedMaterial(SupplementItem item) {
		if (item.kind() != SupplementItem.Kind.MATERIAL) {
			return item;
		}
		MaterialRecord material = this.materials.stream()
			.filter((candidate) -> candidate.code().equals(item.name()))
			.findFirst()
			.orElseThrow(() -> ReviewRefused.decisionInvalid("the matter has no material " + item.name()));
		return new SupplementItem(item.kind(), item.name(), material.name(), item.reason());
	}

	/**
	 * The applicant provides what was asked, with nothing asked to give: a request that
	 * names no material or field.
	 */
	public void provideSupplement(Actor by, Clock clock, WorkingDays days) {
		provideSupplement(by, SupplementAnswer.NOTHING, clock, days);
	}

	/**
	 * The applicant provides everything asked for, item by item: each material asked is
	 * the upload given for it now, each field the value given. Every task waiting for a
	 * supplement resumes, its due dates moved by the working days it waited; what was
	 * asked and what was given (before and after) stay in the matter's supplements. An
	 * item asked and not given, or given and not asked, refuses the whole answer.
	 */
	public void provideSupplement(Actor by, SupplementAnswer answer, Clock clock, WorkingDays days) {
		requireOwner(by);
		List<Task> waiting = this.tasks.stream()
			.filter((task) -> task.status() == TaskStatus.WAITING_FOR_SUPPLEMENT)
			.toList();
		if (waiting.isEmpty()) {
			throw ReviewRefused.nothingToSupplement(this.id);
		}
		List<SupplementItem> asked = waiting.stream().flatMap((task) -> task.asked().stream()).toList();
		List<FieldViolation> missing = asked.stream()
			.filter((item) -> !answer.gives(item))
			.map((item) -> new FieldViolation(item.name(), "supplement_item_missing", item.label()))
			.distinct()
			.toList();
		if (!missing.isEmpty()) {
			throw SubmissionRefused.supplementIncomplete(missing);
		}
		List<String> notAsked = new ArrayList<>();
		answer.materials()
			.keySet()
			.stream()
			.filter((code) -> !asks(asked, SupplementItem.Kind.MATERIAL, code))
			.forEach(notAsked::add);
		answer.fields()
			.keySet()
			.stream()
			.filter((name) -> !asks(asked, SupplementItem.Kind.FIELD, name))
			.forEach(notAsked::add);
		if (!notAsked.isEmpty()) {
			throw SubmissionRefused.supplementNotAsked(notAsked);
		}
		Instant now = clock.instant();
		Map<String, Object> formBefore = form();
		Map<String, MaterialRecord> materialsBefore = new LinkedHashMap<>();
		this.materials.forEach((material) -> materialsBefore.put(material.code(), material));
		Map<String, Object> corrected = new LinkedHashMap<>(formBefore);
		List<MaterialRecord> updated = new ArrayList<>(this.materials);
		for (Task task : waiting) {
			List<Supplement.Change> changes = new ArrayList<>();
			for (SupplementItem item : task.asked()) {
				if (item.kind() == SupplementItem.Kind.MATERIAL) {
					MaterialRecord material = materialsBefore.get(item.name());
					String upload = answer.materials().get(item.name());
					String before = (material.state() == MaterialRecord.State.PROVIDED) ? material.reference() : null;
					changes.add(new Supplement.Change(item.kind(), item.name(), item.label(), before, upload));
					updated.replaceAll((each) -> each.code().equals(item.name())
							? each.now(MaterialRecord.State.PROVIDED, upload, null) : each);
				}
				else {
					Object value = answer.fields().get(item.name());
					changes.add(new Supplement.Change(item.kind(), item.name(), item.label(),
							text(formBefore.get(item.name())), text(value)));
					corrected.put(item.name(), value);
				}
			}
			this.answeredSupplements.add(new Supplement.Answered(task.id(), now, by.username(), changes));
		}
		if (!answer.fields().isEmpty()) {
			this.form = Map.copyOf(corrected);
			this.formCorrected = true;
		}
		if (!answer.materials().isEmpty()) {
			for (MaterialRecord material : updated) {
				MaterialRecord was = materialsBefore.get(material.code());
				if (!material.equals(was)) {
					record(now, by, null, "material " + material.code() + " " + was.state(),
							"material " + material.code() + " " + material.state(), null);
				}
			}
			this.materials = List.copyOf(updated);
		}
		for (Task task : waiting) {
			String before = task.resume(now, days, clock.getZone());
			record(now, by, task.id(), before, task.describe(), null);
			this.events.add(new SupplementProvided(this.id, task.id(), now));
		}
		// a task resumed is under review again: nothing is complete, nothing owed yet
		settle(now, by, Owing.NOTHING);
	}

	private static boolean asks(List<SupplementItem> asked, SupplementItem.Kind kind, String name) {
		return asked.stream().anyMatch((item) -> item.kind() == kind && item.name().equals(name));
	}

	private static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * A supplement asked for did not come by its last day: the matter lapses (视为撤回申请),
	 * its open tasks withdrawn, and the applicant is told. A matter answered meanwhile,
	 * or not yet due, is left as it is.
	 * @return whether it lapsed now
	 */
	public boolean lapseUnsupplemented(Clock clock) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
		Optional<LocalDate> overdue = this.tasks.stream()
			.filter((task) -> task.supplementOverdue(today))
			.map(Task::supplementDue)
			.min(Comparator.naturalOrder());
		if (this.status.finished() || overdue.isEmpty()) {
			return false;
		}
		Instant now = clock.instant();
		this.tasks.stream()
			.filter((task) -> task.status().open() || task.status().waiting())
			.forEach((task) -> record(now, Actor.system(), task.id(), task.withdraw(), task.describe(), null));
		changeStatus(ApplicationStatus.LAPSED, now, Actor.system(), null);
		this.events.add(new SupplementLapsed(this.id, this.trackingNumber, this.subject, overdue.get(), now));
		return true;
	}

	/** The applicant withdraws the matter before it is decided. */
	public void withdraw(Actor by, Clock clock) {
		requireOwner(by);
		if (this.status.finished()) {
			throw ReviewRefused.applicationFinished(this.id, this.status);
		}
		Instant now = clock.instant();
		this.tasks.stream()
			.filter((task) -> task.status().open() || task.status().waiting())
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
		return visible(actor, this.filedBy, this.subject,
				this.tasks.stream().map((task) -> task.plan().departmentCode()));
	}

	/**
	 * The one rule of who sees a matter, for the aggregate and for its
	 * {@link ApplicationSummary}: its applicant (who filed it, or whom it is about), a
	 * reviewer of a department with a task in it, and any clerk, supervisor or the
	 * platform.
	 */
	static boolean visible(Actor actor, String filedBy, Subject subject, Stream<String> departments) {
		return switch (actor.kind()) {
			case APPLICANT -> owns(actor, filedBy, subject);
			case REVIEWER -> departments.anyMatch((department) -> department.equals(actor.departmentCode()));
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

	/** The supplement requests made since it was loaded, for the repository to save. */
	public List<Supplement> newSupplements() {
		return List.copyOf(this.newSupplements);
	}

	/**
	 * The supplement requests answered since it was loaded, for the repository to save.
	 */
	public List<Supplement.Answered> answeredSupplements() {
		return List.copyOf(this.answeredSupplements);
	}

	/** Whether a supplement corrected fields of its form since it was loaded. */
	public boolean formCorrected() {
		return this.formCorrected;
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
					.toList(),
				this.hallCode);
	}

	/** A task of this application whoever asks; the caller checks who may see it. */
	public Optional<Task> task(TaskId id) {
		return this.tasks.stream().filter((task) -> task.id().equals(id)).findFirst();
	}

	private void settle(Instant now, Actor by, Owing owing) {
		if (this.status.finished() || this.status == ApplicationStatus.AWAITING_PAYMENT) {
			return;
		}
		if (this.tasks.stream().anyMatch((task) -> task.status() == TaskStatus.REJECTED)) {
			// the citizen learns at once; the other departments stop working on a matter
			// that cannot succeed
			this.tasks.stream()
				.filter((task) -> task.status().open() || task.status() == TaskStatus.AWAITING_RESULT)
				.forEach((task) -> record(now, by, task.id(), task.withdraw(), task.describe(),
						"rejected by another department"));
			changeStatus(ApplicationStatus.REJECTED, now, by, null);
			this.events.add(new ApplicationRejected(this.id, this.trackingNumber, this.subject, this.channel,
					this.tasks.stream()
						.filter((task) -> task.status() == TaskStatus.REJECTED)
						.map(Task::reason)
						.filter((reason) -> reason != null && !reason.isBlank())
						.toList(),
					now));
		}
		else if (this.tasks.stream().allMatch((task) -> task.status() == TaskStatus.APPROVED)) {
			Optional<Dues.Owed> owed = owing.apply(approvedItems());
			if (owed.isPresent()) {
				changeStatus(ApplicationStatus.AWAITING_PAYMENT, now, by, null);
				this.events.add(new ApplicationAwaitingPayment(this.id, this.trackingNumber, this.subject,
						owed.get().amount(), owed.get().what(), now));
			}
			else {
				approve(now, by);
			}
		}
		else {
			boolean waiting = this.tasks.stream()
				.anyMatch((task) -> task.status() == TaskStatus.WAITING_FOR_SUPPLEMENT);
			changeStatus(waiting ? ApplicationStatus.WAITING_FOR_SUPPLEMENT : ApplicationStatus.IN_REVIEW, now, by,
					null);
		}
	}

	private void approve(Instant now, Actor by) {
		changeStatus(ApplicationStatus.APPROVED, now, by, null);
		this.events.add(new ApplicationApproved(this.id, this.trackingNumber, this.subject, this.channel,
				approvedItems(), now));
	}

	private List<ApprovedItem> approvedItems() {
		return this.tasks.stream().map(Application::approvedItem).toList();
	}

	private static ApprovedItem approvedItem(Task task) {
		return new ApprovedItem(task.id(), task.plan().itemCode(), task.plan().itemVersion(),
				task.plan().departmentCode());
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
		return owns(applicant, this.filedBy, this.subject);
	}

	private static boolean owns(Actor applicant, String filedBy, Subject subject) {
		return filedBy.equals(applicant.username())
				|| (applicant.subject() != null && applicant.subject().equals(subject));
	}

	/**
	 * Whether this actor may read the matter: whoever may see it, and its other parties
	 * (its payment, delivery and rating stay the applicant's).
	 */
	public boolean readableBy(Actor actor) {
		return visibleTo(actor) || concerns(actor);
	}

	/**
	 * Whether the actor is a party to the matter other than its filer: they may read it,
	 * not act on it.
	 */
	public boolean concerns(Actor actor) {
		return actor.subject() != null && this.parties.stream().anyMatch((part) -> part.concerns(actor.subject()));
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

	/** Its parties and where each one's confirmation stands. */
	public List<PartyConfirmation> parties() {
		return this.parties;
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
