package org.onevisit.applications.internal.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.CaseViewed;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.applications.Supplement;
import org.onevisit.applications.SupplementAnswer;
import org.onevisit.applications.SupplementItem;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.HistoryEntry;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.PartyConfirmation;
import org.onevisit.platform.Sentences;
import org.onevisit.shared.Subject;
import org.onevisit.applications.TaskId;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.OneVisitException;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.WorkingDays;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Applications", description = "File applications, follow them, and decide department tasks")
class ApplicationApiController {

	private final ApplicationManagement applications;

	private final Clock clock;

	private final WorkingDays days;

	private final Sentences sentences;

	private final SecurityLog securityLog;

	ApplicationApiController(ApplicationManagement applications, Clock clock, WorkingDays days, Sentences sentences,
			SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.applications = applications;
		this.clock = clock;
		this.days = days;
		this.sentences = sentences;
	}

	record ApplicantRequest(String residentId, String creditCode) {
	}

	record SubmissionRequest(String itemCode, String bundleCode, @NotNull @Valid ApplicantRequest applicant,
			Map<String, Object> form, Map<String, @Size(max = 200) String> materials,
			Map<String, @Size(max = 100) String> evidence, Map<String, @Size(max = 500) String> uploadReasons,
			@Size(max = 40) String hallCode) {
	}

	/**
	 * A decision; a supplement request names the materials (code to reason) and form
	 * fields (name to reason) to give again, besides lines to read.
	 */
	record DecisionRequest(@NotBlank String decision, @Size(max = 2000) String reason,
			List<@Size(max = 500) String> missing, Map<String, @Size(max = 500) String> materials,
			Map<String, @Size(max = 500) String> fields, String nextStep, Long taskVersion) {

		List<SupplementItem> items() {
			List<SupplementItem> items = new ArrayList<>();
			if (this.materials != null) {
				this.materials.forEach(
						(code, why) -> items.add(new SupplementItem(SupplementItem.Kind.MATERIAL, code, null, why)));
			}
			if (this.fields != null) {
				this.fields
					.forEach((name, why) -> items.add(new SupplementItem(SupplementItem.Kind.FIELD, name, null, why)));
			}
			return items;
		}

	}

	/**
	 * An answer to the supplement requests waiting: an upload id (POST /api/v1/uploads)
	 * for each material asked, a value for each field asked.
	 */
	record SupplementRequest(Map<String, @Size(max = 100) String> materials, Map<String, Object> fields) {
	}

	record TaskView(UUID id, String itemCode, int itemVersion, String department, String step, String stepLabel,
			String status, LocalDate committedDue, LocalDate statutoryDue, int pausedWorkingDays, List<String> missing,
			List<SupplementItem> asked, LocalDate supplementDue, String reason, long version) {
	}

	/** A supplement request and, once answered, what was given for each item. */
	record SupplementView(UUID task, Instant requestedAt, String requestedBy, List<SupplementItem> items,
			List<String> lines, LocalDate due, Instant answeredAt, String answeredBy, List<Supplement.Change> changes) {

		static SupplementView of(Supplement supplement) {
			return new SupplementView(supplement.task().value(), supplement.requestedAt(), supplement.requestedBy(),
					supplement.items(), supplement.lines(), supplement.due(), supplement.answeredAt(),
					supplement.answeredBy(), supplement.changes());
		}

	}

	record ApplicationView(UUID id, String trackingNo, String status, String bundleCode, String channel,
			LocalDate committedDue, LocalDate statutoryDue, LocalDate predictedCompletion, List<TaskView> tasks,
			List<MaterialRecord> materials, List<PartyView> parties) {
	}

	/**
	 * A party and their confirmation; the identifier masked, as the matter's other
	 * parties see it.
	 */
	record PartyView(UUID id, String party, String role, String mode, String state, Instant decidedAt, String channel,
			String hash, String reason) {

		static PartyView of(PartyConfirmation part) {
			return new PartyView(part.id(), part.maskedParty(), part.role().name(), part.mode().name(),
					part.state().name(), part.decidedAt(), (part.channel() != null) ? part.channel().name() : null,
					part.hash(), part.reason());
		}

	}

	/**
	 * An applicant's account files only for whom it speaks: a person for themselves, a
	 * business account for its business; agents come with their own mandates later.
	 */
	static final class SubjectNotYours extends OneVisitException {

		SubjectNotYours() {
			super("subject_not_yours", Kind.FORBIDDEN, "an applicant files for themselves");
		}

	}

	@PostMapping("/api/v1/applications")
	@PreAuthorize("hasAnyRole('APPLICANT', 'CLERK')")
	@Operation(summary = "File an application for an item or a bundle; repeat safely with the same Idempotency-Key",
			description = "A clerk names the hall whose window accepts the matter (hallCode): it is recorded, its "
					+ "result goes out through that hall, and a hall that does not serve the matter's region is "
					+ "refused (422 region_not_served; an unknown hall 400 hall_unknown)")
	ResponseEntity<ApplicationView> submit(@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 100) String key,
			@Valid @RequestBody SubmissionRequest request, @AuthenticationPrincipal OneVisitUser user, Actor actor) {
		Subject subject = subjectOf(request.applicant());
		if (actor.kind() == Actor.Kind.APPLICANT && !user.subject().map(subject::equals).orElse(false)) {
			throw new SubjectNotYours();
		}
		Channel channel = (actor.kind() == Actor.Kind.CLERK) ? Channel.HALL : Channel.ONLINE;
		// a clerk names the hall whose window accepts the matter: it is recorded, and the
		// hall must serve the matter's region
		Application application = this.applications.submit(new Submission(request.itemCode(), request.bundleCode(),
				subject, channel, request.form(), request.materials(), request.evidence(), request.uploadReasons(),
				(channel == Channel.HALL) ? request.hallCode() : null), actor, key);
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id())).body(view(application));
	}

	@GetMapping("/api/v1/applications/{id}")
	@Operation(summary = "An application with its department tasks, due dates and expected completion")
	ApplicationView find(@PathVariable UUID id, Actor actor) {
		ApplicationView found = view(this.applications.find(new ApplicationId(id), actor));
		recordStaffView(actor, id, "api application");
		return found;
	}

	/** Staff (and department systems) reading a case leave a trace; applicants do not. */
	private void recordStaffView(Actor actor, UUID id, String view) {
		if (actor.kind() != Actor.Kind.APPLICANT) {
			this.securityLog.record(new CaseViewed(actor.username(), id.toString(), view));
		}
	}

	@GetMapping("/api/v1/applications")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "My applications, newest first, a page at a time (limit 1 to 200, default 50): "
			+ "the Link header's rel=\"next\" and the X-Next-Cursor header lead to the next page")
	ResponseEntity<List<ApplicationView>> mine(Actor actor, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		ApplicationManagement.FiledPage page = this.applications.filedBy(actor, cursor, limit);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (page.next() != null) {
			// RFC 8288: the body stays the list it always was; the next page is a link
			String next = UriComponentsBuilder.fromPath("/api/v1/applications")
				.queryParam("cursor", page.next())
				.queryParam("limit", limit)
				.build()
				.toUriString();
			answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").header("X-Next-Cursor", page.next());
		}
		return answer.body(page.applications().stream().map(this::view).toList());
	}

	@GetMapping("/api/v1/applications/{id}/history")
	@Operation(summary = "Every transition of the application: who, when, from, to, why")
	List<HistoryEntry> history(@PathVariable UUID id, Actor actor) {
		List<HistoryEntry> history = this.applications.history(new ApplicationId(id), actor)
			.stream()
			.map((e) -> new HistoryEntry(e.at(), e.actor(), e.task(), e.from(), e.to(),
					this.sentences.render(e.reason())))
			.toList();
		recordStaffView(actor, id, "api application history");
		return history;
	}

	@PostMapping("/api/v1/tasks/{id}/decisions")
	@PreAuthorize("hasAnyRole('REVIEWER', 'CLERK')")
	@Operation(
			summary = "Decide a task at its current step: APPROVE, REJECT (with reason) or SUPPLEMENT (with everything missing)",
			description = "Send taskVersion, the task's version as last read: a decision repeated after an unanswered "
					+ "request or a 503 then answers 409 once the task has moved on, instead of deciding its next step. "
					+ "OneVisit itself runs a decision that names it again when the database loses its commit "
					+ "(a switchover), so a 409 may mean that this very decision was taken: read the task. "
					+ "Without it the decision applies to whatever step the task is at.")
	ApplicationView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Actor actor) {
		Decision decision = Decision.named(request.decision(), request.reason(), request.missing(), request.items(),
				request.nextStep());
		return view(this.applications.decide(new TaskId(id), decision, actor, request.taskVersion()));
	}

	@PostMapping("/api/v1/applications/{id}/supplements")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(
			summary = "Provide everything the departments asked for, item by item: an upload id for each "
					+ "material asked, a value for each field asked (checked as a filing is); their clocks run again. "
					+ "An item asked and not given is a 422 problem supplement_incomplete, and nothing is kept",
			responses = { @ApiResponse(responseCode = "200", description = "the matter, under review again"),
					@ApiResponse(responseCode = "422",
							description = "supplement_incomplete, supplement_not_asked, form_invalid, upload_unknown, "
									+ "upload_other_material"),
					@ApiResponse(responseCode = "409", description = "no_supplement_requested") })
	ApplicationView supplement(@PathVariable UUID id, @Valid @RequestBody(required = false) SupplementRequest request,
			Actor actor) {
		SupplementAnswer answer = (request != null) ? new SupplementAnswer(request.materials(), request.fields())
				: SupplementAnswer.NOTHING;
		return view(this.applications.provideSupplement(new ApplicationId(id), answer, actor));
	}

	@GetMapping("/api/v1/applications/{id}/supplements")
	@Operation(summary = "Every supplement request of the application, oldest first: what was asked (materials and "
			+ "fields with the reasons, the deadline) and what was given (each item before and after)")
	List<SupplementView> supplements(@PathVariable UUID id, Actor actor) {
		List<SupplementView> supplements = this.applications.supplements(new ApplicationId(id), actor)
			.stream()
			.map(SupplementView::of)
			.toList();
		recordStaffView(actor, id, "api application supplements");
		return supplements;
	}

	@PostMapping("/api/v1/applications/{id}/withdrawal")
	@PreAuthorize("hasRole('APPLICANT')")
	@Operation(summary = "Withdraw the application before it is decided")
	ApplicationView withdraw(@PathVariable UUID id, Actor actor) {
		return view(this.applications.withdraw(new ApplicationId(id), actor));
	}

	private static Subject subjectOf(ApplicantRequest applicant) {
		boolean person = applicant.residentId() != null && !applicant.residentId().isBlank();
		boolean business = applicant.creditCode() != null && !applicant.creditCode().isBlank();
		if (person == business) {
			throw SubmissionRefused.applicantInvalid();
		}
		return person ? Subject.person(ResidentId.of(applicant.residentId()))
				: Subject.business(CreditCode.of(applicant.creditCode()));
	}

	private ApplicationView view(Application application) {
		return new ApplicationView(application.id().value(), application.trackingNumber(), application.status().name(),
				application.bundleCode(), application.channel().name(), application.committedDue(),
				application.statutoryDue(), application.predictedCompletion(this.clock, this.days),
				application.tasks()
					.stream()
					.map((task) -> new TaskView(task.id().value(), task.plan().itemCode(), task.plan().itemVersion(),
							task.plan().departmentCode(), task.step(), task.stepLabel(), task.status().name(),
							task.committedDue(), task.statutoryDue(), task.pausedWorkingDays(), task.missing(),
							task.asked(), task.supplementDue(), this.sentences.render(task.reason()), task.version()))
					.toList(),
				// notes and reasons the platform wrote are answered in the caller's
				// language
				application.materials()
					.stream()
					.map((m) -> new MaterialRecord(m.code(), m.name(), m.source(), m.state(), m.reference(),
							m.neededBy(), this.sentences.render(m.note())))
					.toList(),
				application.parties().stream().map(PartyView::of).toList());
	}

}
