package org.onevisit.applications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.Dues;
import org.onevisit.applications.Eligibility;
import org.onevisit.applications.FieldViolation;
import org.onevisit.applications.Filing;
import org.onevisit.applications.FilingPartners;
import org.onevisit.applications.FormCheck;
import org.onevisit.applications.HeldLicences;
import org.onevisit.applications.HouseholdRegions;
import org.onevisit.applications.PropertyRegions;
import org.onevisit.applications.HistoryEntry;
import org.onevisit.applications.InboxEntry;
import org.onevisit.applications.ConfirmationRefused;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.applications.RegisteredOwners;
import org.onevisit.applications.PlannedTask;
import org.onevisit.applications.ReviewRefused;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.applications.Supplement;
import org.onevisit.applications.SupplementAnswer;
import org.onevisit.applications.SupplementItem;
import org.onevisit.applications.Task;
import org.onevisit.applications.TaskChanged;
import org.onevisit.applications.TaskId;
import org.onevisit.applications.TaskStatus;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Upload;
import org.onevisit.applications.Uploads;
import org.onevisit.catalog.ApplicantKind;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;
import org.onevisit.identity.Actor;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Sm3;
import org.onevisit.platform.RepeatGuard;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.Subject;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;
import org.onevisit.shared.WorkingDays;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Files applications against the published catalogue and carries out decisions. Changes
 * to one application are serialised by locking its row, so that two departments approving
 * at the same moment cannot both miss that the matter is complete; a reviewer acting on a
 * task that changed since they read it gets {@link TaskChanged}.
 */
@Service
class ApplicationService implements ApplicationManagement {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final Applications applications;

	private final Catalogue catalogue;

	private final WorkingDays days;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Supplier<HeldLicences> heldLicences;

	private final Uploads uploads;

	private final Supplier<RegisteredOwners> registeredOwners;

	private final Supplier<Eligibility> eligibility;

	private final Halls halls;

	private final Supplier<Dues> dues;

	private final Supplier<HouseholdRegions> householdRegions;

	// answers null where the service is made by hand (a test): matters then go by the
	// household
	private final Supplier<PropertyRegions> propertyRegions;

	// null where the service is made by hand: a refusal then names regions by code
	private final Directory directory;

	private final int supplementDays;

	// null where the service is made by hand (a test): no partner then files
	private final Supplier<FilingPartners> filingPartners;

	ApplicationService(Applications applications, Catalogue catalogue, WorkingDays days, Clock clock,
			ApplicationEventPublisher events, JsonMapper json, ObjectProvider<HeldLicences> heldLicences,
			Uploads uploads, ObjectProvider<RegisteredOwners> registeredOwners, ObjectProvider<Eligibility> eligibility,
			Halls halls, ObjectProvider<Dues> dues, ObjectProvider<HouseholdRegions> householdRegions) {
		this(applications, catalogue, days, clock, events, json, heldLicences, uploads, registeredOwners, eligibility,
				halls, dues, householdRegions, null, null, null, 15);
	}

	/**
	 * @param supplementDays the working days an applicant has to answer a 补正 request
	 * ({@code onevisit.supplements.period-days})
	 */
	@Autowired
	ApplicationService(Applications applications, Catalogue catalogue, WorkingDays days, Clock clock,
			ApplicationEventPublisher events, JsonMapper json, ObjectProvider<HeldLicences> heldLicences,
			Uploads uploads, ObjectProvider<RegisteredOwners> registeredOwners, ObjectProvider<Eligibility> eligibility,
			Halls halls, ObjectProvider<Dues> dues, ObjectProvider<HouseholdRegions> householdRegions,
			ObjectProvider<FilingPartners> filingPartners, ObjectProvider<PropertyRegions> propertyRegions,
			Directory directory, @Value("${onevisit.supplements.period-days:15}") int supplementDays) {
		this.propertyRegions = (propertyRegions != null) ? resolvedOnce(propertyRegions) : () -> null;
		this.directory = directory;
		this.filingPartners = (filingPartners != null) ? resolvedOnce(filingPartners) : () -> null;
		this.supplementDays = supplementDays;
		this.householdRegions = resolvedOnce(householdRegions);
		this.dues = resolvedOnce(dues);
		this.eligibility = resolvedOnce(eligibility);
		this.halls = halls;
		this.uploads = uploads;
		this.registeredOwners = resolvedOnce(registeredOwners);
		this.heldLicences = resolvedOnce(heldLicences);
		this.applications = applications;
		this.catalogue = catalogue;
		this.days = days;
		this.clock = clock;
		this.events = events;
		this.json = json;
	}

	/**
	 * The provider's bean, looked up on first use and kept: {@code getIfAvailable}
	 * resolves the dependency anew on every call (the candidates, their qualifiers, the
	 * constructor's parameter annotations parsed again), which a steady-state profile of
	 * the bundle benchmark showed in every filing and decision. A bean that is not there
	 * is asked for again.
	 */
	private static <T> Supplier<T> resolvedOnce(ObjectProvider<T> provider) {
		return SingletonSupplier.of(provider::getIfAvailable);
	}

	@Override
	@Transactional
	@RepeatGuard.Declared
	public Application submit(Submission submission, Actor by, String idempotencyKey) {
		if ((submission.itemCode() == null) == (submission.bundleCode() == null)) {
			throw SubmissionRefused.neitherItemNorBundle();
		}
		byte[] hash = null;
		if (idempotencyKey != null) {
			// the key, stored in this transaction, finds a filing whose commit was lost
			RepeatGuard.holds();
			Applications.Claim claim = this.applications.claim(by.username(), idempotencyKey);
			if (!claim.held()) {
				throw SubmissionRefused.stillInProgress();
			}
			hash = fingerprint(submission);
			var earlier = claim.earlier();
			if (earlier.isPresent()) {
				if (!Arrays.equals(earlier.get().hash(), hash)) {
					throw SubmissionRefused.idempotencyKeyReused();
				}
				return this.applications.load(earlier.get().application(), false).orElseThrow();
			}
		}
		List<PlannedTask> planned;
		List<Versioned<ServiceItem>> handling;
		List<Party> declared;
		List<ServiceItem> filedItems;
		String region;
		List<MaterialRecord> materials;
		List<FieldViolation> formViolations;
		List<Eligibility.Concern> concerns;
		List<Versioned<ServiceItem>> items;
		if (submission.bundleCode() != null) {
			Bundle bundle = this.catalogue.bundle(submission.bundleCode()).content();
			items = bundle.itemCodes().stream().map(this.catalogue::item).toList();
			// who may apply before where: a business is not sent to a hall for a marriage
			requireOfferedTo(submission.subject(), items);
			requireOfferedThrough(submission.channel(), items);
			requireServedAt(submission, items);
			formViolations = FormCheck.check(bundle, submission.form());
			Set<String> issued = issuedLicences(items);
			materials = this.catalogue.materialsOf(bundle)
				.stream()
				.map((needed) -> record(needed.material(), needed.itemCodes(), submission, by, issued))
				.toList();
			// 全市通办: each item goes to the county that owns the matter, by the same rule
			// as an item filed alone, read from the item's part of the one form
			Map<String, Map<String, Object>> forms = FormCheck.split(bundle, submission.form());
			handling = items.stream()
				.map((item) -> owningImplementation(item, forms.getOrDefault(item.code(), Map.of()), submission))
				.toList();
			planned = plans(items, handling, bundle);
			region = items.get(0).content().regionCode();
			declared = bundle.parties();
			filedItems = items.stream().map(Versioned::content).toList();
			// judged as the implementation that handles each task, so that what the
			// registries could not confirm is told to that task
			concerns = handling.stream()
				.map(Versioned::content)
				.filter((item) -> !item.eligibility().isEmpty())
				.map((item) -> Eligibility.Concern.of(item, bundle, submission.form()))
				.toList();
		}
		else {
			Versioned<ServiceItem> item = this.catalogue.item(submission.itemCode());
			items = List.of(item);
			// who may apply before where: a business is not sent to a hall for a marriage
			requireOfferedTo(submission.subject(), items);
			requireOfferedThrough(submission.channel(), items);
			requireServedAt(submission, items);
			formViolations = FormCheck.check(item.content().form().fields(), submission.form());
			materials = item.content()
				.materials()
				.stream()
				.map((material) -> record(material, List.of(item.code()), submission, by, Set.of()))
				.toList();
			handling = List.of(owningImplementation(item, submission.form(), submission));
			planned = List.of(plan(handling.get(0), List.of()));
			region = item.content().regionCode();
			declared = item.content().parties();
			filedItems = List.of(item.content());
			ServiceItem handler = handling.get(0).content();
			concerns = handler.eligibility().isEmpty() ? List.of()
					: List.of(new Eligibility.Concern(handler, submission.form()));
		}
		List<FieldViolation> missing = materials.stream()
			.filter((material) -> material.source() == MaterialSource.UPLOAD && material.reference() == null)
			.map((material) -> new FieldViolation(material.code(), "material_missing", material.name()))
			.toList();
		// everything missing is named at once (一次性告知): the form's problems and the
		// materials together
		if (!formViolations.isEmpty()) {
			List<FieldViolation> all = new ArrayList<>(formViolations);
			all.addAll(missing);
			throw SubmissionRefused.formInvalid(all);
		}
		// conditions of eligibility on the registries' data, before a number is drawn:
		// a matter that cannot be granted is not filed, and nobody is asked to upload
		// papers for it
		List<Eligibility.Judgement> judged = judge(concerns, submission.subject(),
				(submission.channel() == Channel.PARTNER) ? by.username() : null, by, "filing:" + by.username() + ":"
						+ ((submission.bundleCode() != null) ? submission.bundleCode() : submission.itemCode()));
		if (judged.stream().anyMatch((judgement) -> judgement.verdict() == Eligibility.Verdict.FAILS)) {
			throw SubmissionRefused.eligibilityFailed(judged);
		}
		if (!missing.isEmpty()) {
			throw SubmissionRefused.materialsMissing(missing);
		}
		List<String> objects = objectsOf(submission, items);
		if (!objects.isEmpty()) {
			this.applications.openMatterOn(objects).ifPresent((earlier) -> {
				throw SubmissionRefused.duplicateMatter(earlier);
			});
		}
		String tracking = region + "-" + LocalDate.now(this.clock).format(DAY) + "-"
				+ String.format("%06d", this.applications.nextTrackingSequence());
		List<PartyConfirmation> parties = parties(declared, filedItems, submission, by, materials);
		Application application = Application.file(tracking, submission.subject(), by, submission.channel(),
				submission.bundleCode(), planned, submission.form(), materials, parties, this.clock, this.days);
		if (submission.hallCode() != null && submission.channel() == Channel.HALL) {
			application.receivedAt(submission.hallCode());
		}
		owningHall(items, handling).ifPresent(application::ownedBy);
		unconfirmed(judged).forEach((itemCode, lines) -> application.eligibilityUnconfirmed(itemCode,
				Sentence.of("eligibility.unconfirmed", lines).stored(), by, this.clock));
		this.applications.insert(application, (idempotencyKey != null)
				? new Applications.Remembered(by.username(), idempotencyKey, hash, this.clock.instant()) : null);
		// the fee order opens with the filing, in its transaction: there at once, and
		// never for a filing that was not saved
		dues().ifPresent((owed) -> owed.openAtFiling(application));
		if (!objects.isEmpty()) {
			// a filing racing this one for the same object may have claimed it since the
			// check above: the claim decides, and the loser's transaction leaves nothing
			this.applications.claimObjects(objects, application).ifPresent((earlier) -> {
				throw SubmissionRefused.duplicateMatter(earlier);
			});
		}
		application.events().forEach(this.events::publishEvent);
		return application;
	}

	@Override
	@Transactional
	public Application confirm(UUID confirmation, Actor by, PartyConfirmation.WindowCheck check) {
		Applications.Loaded loaded = lockedWithConfirmation(confirmation);
		Application application = loaded.application();
		application.confirm(confirmation, by, contentHash(application.form(), application.materials()), check,
				this.clock, this.days);
		save(loaded);
		return application;
	}

	@Override
	@Transactional
	public Application decline(UUID confirmation, Actor by, String reason, PartyConfirmation.WindowCheck check) {
		Applications.Loaded loaded = lockedWithConfirmation(confirmation);
		Application application = loaded.application();
		application.decline(confirmation, by, reason, check, this.clock);
		save(loaded);
		return application;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AwaitedConfirmation> awaitingConfirmation(Subject party) {
		if (party == null) {
			return List.of();
		}
		return this.applications.awaitingConfirmationBy(party)
			.stream()
			.map((id) -> this.applications.load(id, false).orElseThrow())
			.flatMap((application) -> application.parties()
				.stream()
				.filter((part) -> part.pending() && part.concerns(party))
				.map((part) -> new AwaitedConfirmation(application, part)))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AwaitedConfirmation> confirmation(UUID confirmation, Actor by) {
		return this.applications.withConfirmation(confirmation)
			.flatMap((id) -> this.applications.load(id, false))
			.flatMap((application) -> application.parties()
				.stream()
				.filter((part) -> part.id().equals(confirmation))
				.filter((part) -> by.kind() == Actor.Kind.CLERK || part.concerns(by.subject()))
				.findFirst()
				.map((part) -> new AwaitedConfirmation(application, part)));
	}

	@Override
	@Transactional
	public int lapseUnconfirmed(int workingDays) {
		return lapseWaiting(ApplicationStatus.AWAITING_PARTIES, workingDays,
				(application) -> application.lapse(this.clock));
	}

	/**
	 * Lapses the matters that have waited in that status for the working days, each with
	 * its own verb; a matter that stopped waiting meanwhile is left alone.
	 */
	private int lapseWaiting(ApplicationStatus status, int workingDays, Consumer<Application> lapse) {
		LocalDate today = LocalDate.now(this.clock);
		int lapsed = 0;
		// a working day is at least a calendar day: a matter waiting for fewer calendar
		// days
		// cannot be due yet
		Instant before = today.minusDays(workingDays - 1L).atStartOfDay(this.clock.getZone()).toInstant();
		for (Applications.Waiting waiting : this.applications.waitingSince(status, before, 500)) {
			LocalDate since = LocalDate.ofInstant(waiting.since(), this.clock.getZone());
			if (this.days.workingDaysBetween(since, today) < workingDays) {
				continue;
			}
			Applications.Loaded loaded = this.applications.load(waiting.application(), true)
				.map(Applications.Loaded::of)
				.orElseThrow();
			if (loaded.application().status() == status) {
				lapse.accept(loaded.application());
				save(loaded);
				lapsed++;
			}
		}
		return lapsed;
	}

	private Applications.Loaded lockedWithConfirmation(UUID confirmation) {
		return this.applications.withConfirmation(confirmation)
			.flatMap((id) -> this.applications.load(id, true))
			.map(Applications.Loaded::of)
			.orElseThrow(() -> ConfirmationRefused.notFound(confirmation));
	}

	@Override
	@Transactional
	@RepeatGuard.Declared
	public Application decide(TaskId taskId, Decision decision, Actor by, Long expectedVersion) {
		if (expectedVersion != null) {
			// a decision whose commit was lost and stood finds the task moved on
			RepeatGuard.holds();
		}
		Applications.Decidable found = this.applications.lockForDecision(taskId)
			.orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
		long seen = (expectedVersion != null) ? expectedVersion : found.seenVersion();
		Applications.Loaded loaded = Applications.Loaded.of(found.application());
		Application application = loaded.application();
		Task task = application.task(taskId).orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
		if (!task.visibleTo(by) && !task.actionableBy(by)) {
			throw ReviewRefused.taskNotFound(taskId);
		}
		if (task.version() != seen) {
			throw new TaskChanged(taskId);
		}
		if (task.separatesDuties() && task.actionableBy(by)) {
			Optional<String> earlier = task.doneEarlierBy(by, this.applications.actorsByStep(taskId));
			if (earlier.isPresent()) {
				throw ReviewRefused.samePersonNotAllowed(taskId, earlier.get(), task.stepLabel());
			}
		}
		if (decision instanceof Decision.Approve && task.decidesOnApproval() && task.actionableBy(by)) {
			// the last approval: nobody grants a matter while a condition fails
			List<Eligibility.Judgement> judged = judgeAgain(application, task, by);
			if (judged.stream().anyMatch((judgement) -> judgement.verdict() == Eligibility.Verdict.FAILS)) {
				throw ReviewRefused.eligibilityFailed(judged);
			}
			// a task that assesses taxes (the tax office's) assesses them as it approves
			dues().ifPresent((owed) -> owed.assessOnApproval(application.id(), task, by));
		}
		Decision decided = (decision instanceof Decision.RequestSupplement supplement)
				? asked(supplement, application, task) : decision;
		application.decide(taskId, decided, by, this.clock, owing(application.id()));
		save(loaded);
		return application;
	}

	/**
	 * A supplement request as the applicant will read it: each field asked is one of the
	 * matter's form, named by its label, and the request is answered by the last day of
	 * the 补正 period, counted in working days from today.
	 */
	private Decision.RequestSupplement asked(Decision.RequestSupplement supplement, Application application,
			Task task) {
		Map<String, FormField> fields = new LinkedHashMap<>();
		formFieldsOf(application.bundleCode(), task).forEach((field) -> fields.put(field.name(), field));
		List<SupplementItem> items = supplement.items().stream().map((item) -> {
			if (item.kind() != SupplementItem.Kind.FIELD) {
				return item;
			}
			FormField field = fields.get(item.name());
			if (field == null) {
				throw ReviewRefused.decisionInvalid("the matter's form has no field " + item.name());
			}
			return new SupplementItem(item.kind(), item.name(), field.label(), item.reason());
		}).toList();
		LocalDate due = this.days.addWorkingDays(LocalDate.now(this.clock), this.supplementDays).date();
		return new Decision.RequestSupplement(supplement.missing(), supplement.note(), items, due);
	}

	/** The fields of the form the matter was filed with: its bundle's, or its item's. */
	private List<FormField> formFieldsOf(String bundleCode, Task task) {
		if (bundleCode != null) {
			return this.catalogue.bundle(bundleCode).content().fields().stream().map(BundleField::asField).toList();
		}
		return this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content().form().fields();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> separatedFrom(TaskId taskId, Actor by) {
		return findByTask(taskId, by).task(taskId)
			.filter((task) -> task.separatesDuties() && task.actionableBy(by))
			.flatMap((task) -> task.doneEarlierBy(by, this.applications.actorsByStep(taskId)));
	}

	@Override
	@Transactional
	public void resultIssued(String trackingNumber, String itemCode, String licenceType, UUID licence) {
		Optional<Applications.Loaded> found = this.applications.withTrackingNumber(trackingNumber)
			.flatMap((id) -> this.applications.load(id, true))
			.map(Applications.Loaded::of);
		if (found.isEmpty()) {
			return;
		}
		Application application = found.get().application();
		// the materials of that licence type, read from the item versions the matter was
		// filed under
		Set<String> materials = new HashSet<>();
		for (Task task : application.tasks()) {
			this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion())
				.content()
				.materials()
				.stream()
				.filter((material) -> material.source() == MaterialSource.LICENCE
						&& licenceType.equals(material.licenceType()))
				.forEach((material) -> materials.add(material.code()));
		}
		application.resultIssued(itemCode, materials, licence.toString(), this.clock, this.days);
		save(found.get());
	}

	@Override
	@Transactional
	public Application approveByRules(TaskId taskId, String trace) {
		Applications.Decidable found = this.applications.lockForDecision(taskId)
			.orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
		Applications.Loaded loaded = Applications.Loaded.of(found.application());
		Application application = loaded.application();
		Task task = application.task(taskId).orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
		List<Eligibility.Judgement> judged = judgeAgain(application, task, Actor.system());
		if (judged.stream().anyMatch((judgement) -> judgement.verdict() != Eligibility.Verdict.HOLDS)) {
			// rules never grant what the registries do not confirm: a person decides
			application.eligibilityUnconfirmed(task.plan().itemCode(),
					Sentence.of("eligibility.unconfirmed.instant", lines(judged)).stored(), Actor.system(), this.clock);
			save(loaded);
			return application;
		}
		dues().ifPresent((owed) -> owed.assessOnApproval(application.id(), task, Actor.system()));
		application.approveByRules(taskId, trace, this.clock, owing(application.id()));
		save(loaded);
		return application;
	}

	private Optional<Dues> dues() {
		return Optional.ofNullable(this.dues.get());
	}

	/** What the matter owes once every task is approved, asked only then. */
	private Application.Owing owing(ApplicationId application) {
		return (items) -> dues().flatMap((owed) -> owed.owed(application, items));
	}

	@Override
	@Transactional
	public boolean settlePayment(ApplicationId id) {
		Applications.Loaded loaded = this.applications.load(id, true)
			.map(Applications.Loaded::of)
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
		Application application = loaded.application();
		// paid while the departments still review: approval then finds nothing owed
		if (!application.settlePayment(this.clock)) {
			return false;
		}
		save(loaded);
		return true;
	}

	@Override
	@Transactional
	public int lapseUnpaid(int workingDays) {
		return lapseWaiting(ApplicationStatus.AWAITING_PAYMENT, workingDays,
				(application) -> application.lapseUnpaid(this.clock));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Eligibility.Judgement> eligibility(TaskId taskId, Actor by) {
		Application application = findByTask(taskId, by);
		Task task = application.task(taskId).orElseThrow(() -> ReviewRefused.taskNotFound(taskId));
		return judgeAgain(application, task, by);
	}

	/**
	 * The conditions of the items judged on the registries' data read now on the actor's
	 * behalf; nothing is read for items without conditions. Where no module can judge
	 * them, every condition counts as unconfirmed: none passes unread.
	 */
	/**
	 * @param partnerClient the client id of the partner filing for the subject, or null
	 */
	private List<Eligibility.Judgement> judge(List<Eligibility.Concern> concerns, Subject filer, String partnerClient,
			Actor by, String reference) {
		if (concerns.isEmpty()) {
			return List.of();
		}
		Eligibility judge = this.eligibility.get();
		if (judge == null) {
			return concerns.stream()
				.flatMap((concern) -> concern.item()
					.eligibility()
					.stream()
					.map((condition) -> new Eligibility.Judgement(concern.item().code(), condition,
							Eligibility.Verdict.UNKNOWN, Sentence.of("eligibility.unjudged").stored())))
				.toList();
		}
		return judge.judge(concerns, filer, partnerCode(partnerClient), by.username(), reference);
	}

	/** The filing partner's credit code, which conditions compare with a register. */
	private String partnerCode(String partnerClient) {
		FilingPartners partners = (partnerClient != null) ? this.filingPartners.get() : null;
		return (partners != null) ? partners.creditCodeOf(partnerClient).orElse(null) : null;
	}

	/** The task's item's conditions, judged again on the form it was filed with. */
	private List<Eligibility.Judgement> judgeAgain(Application application, Task task, Actor by) {
		ServiceItem item = this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content();
		if (item.eligibility().isEmpty()) {
			return List.of();
		}
		Filing filing = filing(application.id());
		Bundle bundle = (filing.bundleCode() != null) ? this.catalogue.bundle(filing.bundleCode()).content() : null;
		return judge(List.of(Eligibility.Concern.of(item, bundle, filing.form())), filing.subject(),
				(application.channel() == Channel.PARTNER) ? filing.filedBy() : null, by, application.trackingNumber());
	}

	/** The lines of conditions not confirmed, by item. */
	private static Map<String, List<String>> unconfirmed(List<Eligibility.Judgement> judged) {
		Map<String, List<String>> byItem = new LinkedHashMap<>();
		judged.stream()
			.filter((judgement) -> judgement.verdict() == Eligibility.Verdict.UNKNOWN)
			.forEach((judgement) -> byItem.computeIfAbsent(judgement.itemCode(), (code) -> new ArrayList<>())
				.add(judgement.line()));
		return byItem;
	}

	private static List<Sentence> lines(List<Eligibility.Judgement> judged) {
		return judged.stream()
			.filter((judgement) -> judgement.verdict() != Eligibility.Verdict.HOLDS)
			.map((judgement) -> Sentence.from(judgement.line()).orElse(Sentence.of("eligibility.unjudged")))
			.toList();
	}

	@Override
	@Transactional
	public Application provideSupplement(ApplicationId id, Actor by) {
		return provideSupplement(id, SupplementAnswer.NOTHING, by);
	}

	/**
	 * Checked as a filing is: each upload the applicant's own, made for that material or
	 * none; each corrected field by the form's rules. A refusal keeps nothing.
	 */
	@Override
	@Transactional
	public Application provideSupplement(ApplicationId id, SupplementAnswer answer, Actor by) {
		Applications.Loaded loaded = lockedFor(id, by);
		Application application = loaded.application();
		Map<String, String> names = new LinkedHashMap<>();
		application.materials().forEach((material) -> names.put(material.code(), material.name()));
		answer.materials().forEach((code, upload) -> {
			if (names.containsKey(code)) {
				requireOwnUpload(upload, code, names.get(code), by);
			}
		});
		application.provideSupplement(by, answer, this.clock, this.days);
		if (application.formCorrected()) {
			Task any = application.tasks().get(0);
			List<FieldViolation> violations = FormCheck
				.check(formFieldsOf(application.bundleCode(), any), application.form())
				.stream()
				.filter((violation) -> answer.fields().containsKey(violation.field()))
				.toList();
			if (!violations.isEmpty()) {
				throw SubmissionRefused.formInvalid(violations);
			}
		}
		save(loaded);
		return application;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Supplement> supplements(ApplicationId id, Actor by) {
		// the answers hold what the applicant corrected: theirs and the departments',
		// not the other parties', who read the matter as filed
		this.applications.load(id, false)
			.filter((application) -> application.visibleTo(by))
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
		return this.applications.supplements(id);
	}

	@Override
	@Transactional
	public int lapseUnsupplemented() {
		int lapsed = 0;
		for (ApplicationId id : this.applications.pastSupplementDue(LocalDate.now(this.clock), 500)) {
			Applications.Loaded loaded = this.applications.load(id, true).map(Applications.Loaded::of).orElseThrow();
			// answered meanwhile, or lapsed by another node: left alone
			if (loaded.application().lapseUnsupplemented(this.clock)) {
				save(loaded);
				lapsed++;
			}
		}
		return lapsed;
	}

	@Override
	@Transactional
	public Application withdraw(ApplicationId id, Actor by) {
		Applications.Loaded loaded = lockedFor(id, by);
		Application application = loaded.application();
		application.withdraw(by, this.clock);
		save(loaded);
		return application;
	}

	@Override
	@Transactional(readOnly = true)
	public Application find(ApplicationId id, Actor by) {
		return this.applications.load(id, false)
			.filter((application) -> application.readableBy(by))
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
	}

	@Override
	@Transactional(readOnly = true)
	public ApplicationSummary summary(ApplicationId id, Actor by) {
		// what other modules act on (payment, delivery, rating, licences) is the
		// applicant's alone, not the other parties'
		// read directly: neither the form, the materials nor the parties are opened for
		// it
		return this.applications.summary(id)
			.filter((summary) -> summary.visibleTo(by))
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
	}

	@Override
	@Transactional
	public void recordData(ApplicationId id, List<DataOutcome> outcomes) {
		Applications.Loaded loaded = this.applications.load(id, true)
			.map(Applications.Loaded::of)
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
		loaded.application().recordData(outcomes, Actor.system(), this.clock);
		save(loaded);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApplicationId> awaitingData(int limit) {
		return this.applications.awaitingData(limit);
	}

	@Override
	public Filing filing(ApplicationId id) {
		return this.applications.filing(id).orElseThrow(() -> ReviewRefused.applicationNotFound(id));
	}

	@Override
	@Transactional(readOnly = true)
	public Application findByTask(TaskId task, Actor by) {
		ApplicationId id = this.applications.find(task)
			.orElseThrow(() -> ReviewRefused.taskNotFound(task))
			.application();
		Application application = this.applications.load(id, false).orElseThrow();
		boolean mayAct = application.task(task)
			.map((found) -> found.visibleTo(by) || found.actionableBy(by))
			.orElse(false);
		if (!mayAct) {
			throw ReviewRefused.taskNotFound(task);
		}
		return application;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Application> filedBy(Actor applicant) {
		return this.applications.filedBy(applicant.username(), applicant.subject())
			.stream()
			.map((id) -> this.applications.load(id, false).orElseThrow())
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public FiledPage filedBy(Actor applicant, String cursor, int limit) {
		int size = Math.max(1, Math.min(limit, 200));
		List<Applications.Filed> filed = this.applications.filedBy(applicant.username(), applicant.subject(),
				(cursor != null) ? FiledCursor.read(cursor) : null, size + 1);
		List<Applications.Filed> page = filed.subList(0, Math.min(size, filed.size()));
		return new FiledPage(page.stream().map((one) -> this.applications.load(one.id(), false).orElseThrow()).toList(),
				(filed.size() > size) ? FiledCursor.write(page.get(page.size() - 1)) : null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(ApplicationId id, Actor by) {
		find(id, by);
		return this.applications.history(id);
	}

	// a reviewer's screen shows at most this many; supervision looks much further
	private static final int INBOX_LIMIT = 500;

	private static final int WATCH_LIMIT = 20_000;

	@Override
	@Transactional(readOnly = true)
	public List<InboxEntry> inbox(Actor reviewer, InboxEntry.Filter filter) {
		String department = reviewer.department().orElseThrow(() -> ReviewRefused.decisionInvalid("not a reviewer"));
		LocalDate today = LocalDate.now(this.clock);
		Set<TaskStatus> open = Set.of(TaskStatus.IN_REVIEW, TaskStatus.WAITING_FOR_SUPPLEMENT);
		// a step this reviewer may not do (they did one it is separated from) is not
		// offered
		String me = reviewer.username();
		return switch (filter) {
			case ALL -> this.applications.openTasks(department, open, null, null, INBOX_LIMIT, me);
			case WAITING -> this.applications.openTasks(department, Set.of(TaskStatus.WAITING_FOR_SUPPLEMENT), null,
					null, INBOX_LIMIT, me);
			case OVERDUE ->
				this.applications.openTasks(department, Set.of(TaskStatus.IN_REVIEW), null, today, INBOX_LIMIT, me);
			case DUE_SOON ->
				this.applications
					.openTasks(department, Set.of(TaskStatus.IN_REVIEW), this.days.addWorkingDays(today, 1).date(),
							null, INBOX_LIMIT, me)
					.stream()
					.filter((entry) -> !entry.committedDue().isBefore(today))
					.toList();
		};
	}

	@Override
	@Transactional(readOnly = true)
	public List<InboxEntry> underReviewDueBy(LocalDate day) {
		return this.applications.openTasks(null, Set.of(TaskStatus.IN_REVIEW), day, null, WATCH_LIMIT);
	}

	private Applications.Loaded lockedFor(ApplicationId id, Actor by) {
		return this.applications.load(id, true)
			.filter((application) -> application.visibleTo(by))
			.map(Applications.Loaded::of)
			.orElseThrow(() -> ReviewRefused.applicationNotFound(id));
	}

	/**
	 * The objects the matter is about, one per item declaring {@code sameMatter} (in a
	 * bundle, by the values its fields map to that item's): the item's code and the
	 * values in any order, so that a couple is the same couple whoever is named first. An
	 * item whose fields are not all given names no object; the form check refuses it.
	 */
	private List<String> objectsOf(Submission submission, List<Versioned<ServiceItem>> items) {
		List<String> objects = new ArrayList<>();
		Map<String, Map<String, Object>> forms = null;
		for (Versioned<ServiceItem> version : items) {
			ServiceItem item = version.content();
			if (item.sameMatter().isEmpty()) {
				continue;
			}
			if (forms == null) {
				forms = (submission.bundleCode() != null)
						? FormCheck.split(this.catalogue.bundle(submission.bundleCode()).content(), submission.form())
						: Map.of(item.code(), submission.form());
			}
			Map<String, Object> form = forms.getOrDefault(item.code(), Map.of());
			List<String> values = new ArrayList<>();
			for (String field : item.sameMatter()) {
				Object value = form.get(field);
				if (value == null || value.toString().isBlank()) {
					values = null;
					break;
				}
				values.add(value.toString().strip().toUpperCase(Locale.ROOT));
			}
			if (values != null) {
				values.sort(null);
				objects.add(item.code() + "\n" + String.join("\n", values));
			}
		}
		return objects;
	}

	/** Whether the item version the task was filed under names its matter's object. */
	private boolean namesItsObject(Task task) {
		return !this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content().sameMatter().isEmpty();
	}

	/**
	 * An item the catalogue offers only at a hall is not filed through any other channel
	 * (a bundle not if one of its items is): the refusal names the halls and what to
	 * bring there.
	 */
	/** The licence types the items of a matter issue. */
	private static Set<String> issuedLicences(List<Versioned<ServiceItem>> items) {
		return items.stream()
			.map((item) -> item.content().licenceType())
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
	}

	/** Each item is offered to the applicant's kind (服务对象), as the catalogue says. */
	private static void requireOfferedTo(Subject applicant, List<Versioned<ServiceItem>> items) {
		ApplicantKind kind = ApplicantKind.of(applicant);
		for (Versioned<ServiceItem> item : items) {
			if (!item.content().offeredTo(kind)) {
				throw SubmissionRefused.applicantKindNotOffered(item.content().name(), kind);
			}
		}
	}

	private void requireOfferedThrough(Channel channel, List<Versioned<ServiceItem>> items) {
		if (channel == Channel.HALL) {
			return;
		}
		for (Versioned<ServiceItem> item : items) {
			if (!item.content().channels().online()) {
				throw SubmissionRefused.channelNotOffered(item.content().name(),
						this.halls.halls()
							.stream()
							.map((hall) -> new SubmissionRefused.HallToVisit(hall.code(), hall.name(), hall.address()))
							.toList(),
						item.content()
							.materials()
							.stream()
							.filter(Material::burdensApplicant)
							.map(Material::name)
							.toList());
			}
		}
	}

	/**
	 * A window accepts a matter only for the regions its hall serves: every item's region
	 * (the city's hall serves its counties), or for an item the catalogue marks citywide
	 * (全市通办) any region of the hall's city. The refusal names the hall, the region and
	 * the halls that serve it.
	 */
	private void requireServedAt(Submission submission, List<Versioned<ServiceItem>> items) {
		if (submission.channel() != Channel.HALL || submission.hallCode() == null) {
			return;
		}
		Hall hall = this.halls.hall(submission.hallCode())
			.orElseThrow(() -> SubmissionRefused.hallUnknown(submission.hallCode()));
		for (Versioned<ServiceItem> version : items) {
			ServiceItem item = version.content();
			if (!hall.accepts(item.regionCode(), item.citywide())) {
				throw SubmissionRefused.regionNotServed(hall.name(), regionName(item.regionCode()), item.name(),
						this.halls.serving(item.regionCode())
							.stream()
							.map((serving) -> new SubmissionRefused.HallToVisit(serving.code(), serving.name(),
									serving.address()))
							.toList());
			}
		}
	}

	private String regionName(String code) {
		return (this.directory != null) ? this.directory.region(code).map((region) -> region.name()).orElse(code)
				: code;
	}

	private void save(Applications.Loaded loaded) {
		this.applications.save(loaded);
		Application application = loaded.application();
		if (application.status() != loaded.status() && application.status().finished()
				&& application.tasks().stream().anyMatch(this::namesItsObject)) {
			// only matters of items declaring sameMatter hold objects: no statement for
			// the others
			this.applications.releaseObjects(application.id());
		}
		loaded.application().events().forEach(this.events::publishEvent);
	}

	/**
	 * Where a material stands when filed: uploaded or missing, to be fetched, to be
	 * matched with a licence, waived.
	 */
	private MaterialRecord record(Material material, List<String> neededBy, Submission submission, Actor by,
			Set<String> issued) {
		if (material.source() == MaterialSource.LICENCE) {
			// a licence the applicant already holds is the material: nothing to hand in
			Optional<String> held = Optional.ofNullable(this.heldLicences.get())
				.flatMap((wallet) -> wallet.standingLicence(submission.subject(), material.licenceType()));
			if (held.isPresent()) {
				return new MaterialRecord(material.code(), material.name(), material.source(),
						MaterialRecord.State.LICENCE_HELD, held.get(), neededBy);
			}
			// the applicant's licence that an item of the same bundle issues (the
			// business
			// licence of the business being set up) is awaited, not looked up
			if (material.dataElement() == null || (material.of() == null && issued.contains(material.licenceType()))) {
				return new MaterialRecord(material.code(), material.name(), material.source(),
						MaterialRecord.State.PENDING_LICENCE, null, neededBy);
			}
			// no electronic licence: the registry's record proves the same
		}
		String reference = submission.uploads().get(material.code());
		if (material.dataElement() != null) {
			if (reference != null && !reference.isBlank()) {
				// the applicant corrects what the registry holds by uploading, and says
				// why
				String reason = submission.uploadReasons().get(material.code());
				if (reason == null || reason.isBlank()) {
					throw SubmissionRefused.uploadReasonMissing(material.code(), material.name());
				}
				requireOwnUpload(reference, material.code(), material.name(), by);
				return new MaterialRecord(material.code(), material.name(), material.source(),
						MaterialRecord.State.PROVIDED, reference.strip(), neededBy, reason.strip());
			}
			return new MaterialRecord(material.code(), material.name(), material.source(),
					MaterialRecord.State.PENDING_FETCH, submission.evidence().get(material.code()), neededBy);
		}
		MaterialRecord.State state = switch (material.source()) {
			case UPLOAD, LICENCE -> MaterialRecord.State.PROVIDED;
			case SHARED_DATA -> MaterialRecord.State.PENDING_FETCH;
			case WAIVED -> MaterialRecord.State.WAIVED;
		};
		boolean uploaded = material.source() == MaterialSource.UPLOAD && reference != null && !reference.isBlank();
		if (uploaded) {
			requireOwnUpload(reference, material.code(), material.name(), by);
		}
		return new MaterialRecord(material.code(), material.name(), material.source(), state,
				uploaded ? reference.strip() : null, neededBy);
	}

	/**
	 * A submission or a supplement names only uploads its filer made, for that material
	 * or none in particular: nobody attaches another's file.
	 */
	private void requireOwnUpload(String reference, String materialCode, String materialName, Actor by) {
		UUID id;
		try {
			id = UUID.fromString(reference.strip());
		}
		catch (IllegalArgumentException ex) {
			throw UploadRefused.unknown(reference);
		}
		Upload upload = this.uploads.find(id, by.username())
			.map(Uploads.Stored::upload)
			.orElseThrow(() -> UploadRefused.unknown(reference));
		if (!upload.fits(materialCode)) {
			throw UploadRefused.otherMaterial(reference, materialName);
		}
	}

	/**
	 * The parties the catalogue declares, identified: from the form, the filer, or the
	 * property registry's owners of the property named. The filer's own part is confirmed
	 * by filing (in person only at a window). A matter naming nobody else keeps no list.
	 */
	private List<PartyConfirmation> parties(List<Party> declared, List<ServiceItem> items, Submission submission,
			Actor by, List<MaterialRecord> materials) {
		Map<Subject, Party> found = new LinkedHashMap<>();
		for (Party party : declared) {
			if (!party.confirms()) {
				continue;
			}
			switch (party.from()) {
				case FILER -> found.putIfAbsent(submission.subject(), party);
				case FORM -> subjectIn(submission.form().get(party.field()))
					.ifPresent((subject) -> found.putIfAbsent(subject, party));
				case REGISTERED_OWNERS -> coOwners(party, items, submission)
					.forEach((owner) -> found.putIfAbsent(Subject.person(owner), party));
			}
		}
		if (found.keySet().stream().allMatch(submission.subject()::equals)) {
			return List.of();
		}
		String hash = contentHash(submission.form(), materials);
		return found.entrySet().stream().map((entry) -> {
			Party party = entry.getValue();
			boolean filer = entry.getKey().equals(submission.subject());
			boolean present = party.confirmation() != Party.Confirmation.IN_PERSON
					|| submission.channel() == Channel.HALL;
			return (filer && present)
					? PartyConfirmation.byFiling(entry.getKey(), party.role(), party.confirmation(),
							this.clock.instant(), by.username(), submission.channel(), hash)
					: PartyConfirmation.pending(entry.getKey(), party.role(), party.confirmation());
		}).toList();
	}

	private static Optional<Subject> subjectIn(Object value) {
		String text = (value != null) ? value.toString().strip() : "";
		if (ResidentId.isValid(text)) {
			return Optional.of(Subject.person(ResidentId.of(text)));
		}
		if (CreditCode.isValid(text)) {
			return Optional.of(Subject.business(CreditCode.of(text)));
		}
		return Optional.empty();
	}

	/**
	 * The registered owners of the property the matter is about, read as the department
	 * of the item that reads property records for it.
	 */
	private List<ResidentId> coOwners(Party party, List<ServiceItem> items, Submission submission) {
		Object owner = submission.form().get(party.field());
		RegisteredOwners registry = this.registeredOwners.get();
		if (registry == null || owner == null || !ResidentId.isValid(owner.toString().strip())) {
			return List.of();
		}
		ServiceItem reader = items.stream()
			.filter((item) -> item.materials()
				.stream()
				.anyMatch((material) -> "realestate.ownership".equals(material.dataElement())))
			.findFirst()
			.orElse(items.get(0));
		Object certificate = submission.form().get(party.property());
		return registry
			.owners(reader.departmentCode(), reader.code(), ResidentId.of(owner.toString().strip()),
					(certificate != null) ? certificate.toString().strip() : null)
			.orElseThrow(ConfirmationRefused::ownersUnknown);
	}

	/**
	 * The SM3 hash of what a party confirms: the form, in a fixed order, and the
	 * materials as filed.
	 */
	private String contentHash(Map<String, Object> form, List<MaterialRecord> materials) {
		return Sm3.hex(
				this.json.writeValueAsString(List.of(new TreeMap<>(form), materials)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * 全市通办: a citywide item, filed alone or in a bundle, is handled by the county that
	 * owns the matter, through that county's implementation of the same basic item (its
	 * department, workflow and limits), wherever in the city it was accepted: for a
	 * matter about a property, the county where the property lies (named in the item's
	 * own form: in a bundle, its part of the one form); otherwise the county of the
	 * applicant's household. Where no other region publishes an implementation, nothing
	 * is read; where the county publishes none, or the registry does not say, the item's
	 * own region handles it.
	 */
	private Versioned<ServiceItem> owningImplementation(Versioned<ServiceItem> item, Map<String, Object> form,
			Submission submission) {
		ServiceItem accepted = item.content();
		if (!accepted.citywide() || !accepted.implementsBasicItem()) {
			return item;
		}
		Set<String> elsewhere = new HashSet<>(this.catalogue.implementingRegions(accepted.basicCode()));
		elsewhere.remove(accepted.regionCode());
		if (elsewhere.isEmpty()) {
			return item;
		}
		Optional<String> county = (accepted.property() != null) ? propertyRegion(accepted, form)
				: householdRegion(submission);
		return county.filter(elsewhere::contains)
			.flatMap((owning) -> this.catalogue.implementation(accepted.basicCode(), owning))
			.orElse(item);
	}

	/** The county the population registry records the applicant's household in. */
	private Optional<String> householdRegion(Submission submission) {
		HouseholdRegions households = this.householdRegions.get();
		if (households == null || submission.subject().person() == null) {
			return Optional.empty();
		}
		return households.householdRegionOf(submission.subject().person());
	}

	/**
	 * The county the property registry records the property in, asked among the
	 * properties of the owner the item's form names.
	 */
	private Optional<String> propertyRegion(ServiceItem item, Map<String, Object> form) {
		PropertyRegions properties = this.propertyRegions.get();
		Object owner = form.get(item.property().owner());
		Object certificate = form.get(item.property().certificate());
		if (properties == null || owner == null || certificate == null
				|| !ResidentId.isValid(owner.toString().strip())) {
			return Optional.empty();
		}
		return properties.propertyRegionOf(ResidentId.of(owner.toString().strip()), certificate.toString().strip());
	}

	/**
	 * A bundle's tasks, each with the implementation that handles its item; an item that
	 * waits for another's result waits for the task that handles that one.
	 */
	private static List<PlannedTask> plans(List<Versioned<ServiceItem>> items, List<Versioned<ServiceItem>> handling,
			Bundle bundle) {
		Map<String, String> handledBy = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			handledBy.put(items.get(i).code(), handling.get(i).code());
		}
		List<PlannedTask> plans = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			plans.add(plan(handling.get(i),
					bundle.needsOf(items.get(i).code())
						.stream()
						.map((needed) -> handledBy.getOrDefault(needed, needed))
						.toList()));
		}
		return plans;
	}

	/**
	 * The hall of the county that owns the matter, where another region's implementation
	 * handles an item (全市通办); the first such, in the matter's order. Each task's
	 * department names its own county.
	 */
	private static Optional<String> owningHall(List<Versioned<ServiceItem>> items,
			List<Versioned<ServiceItem>> handling) {
		for (int i = 0; i < items.size(); i++) {
			if (!handling.get(i).code().equals(items.get(i).code())) {
				return Optional.ofNullable(handling.get(i).content().hallCode());
			}
		}
		return Optional.empty();
	}

	private static PlannedTask plan(Versioned<ServiceItem> version, List<String> needs) {
		ServiceItem item = version.content();
		return new PlannedTask(item.code(), version.version(), item.departmentCode(), item.workflow(),
				item.committedLimit(), item.statutoryLimit(), needs);
	}

	/**
	 * The full number: a subject prints masked, and two people must never share a
	 * fingerprint.
	 */

	/**
	 * The same submission gives the same fingerprint whatever the order of its form
	 * fields.
	 */
	private byte[] fingerprint(Submission submission) {
		String canonical = this.json.writeValueAsString(List.of(String.valueOf(submission.itemCode()),
				String.valueOf(submission.bundleCode()), submission.subject().identifier(), submission.channel().name(),
				new TreeMap<>(submission.form()), new TreeMap<>(submission.uploads()),
				new TreeMap<>(submission.evidence()), new TreeMap<>(submission.uploadReasons())));
		try {
			return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
