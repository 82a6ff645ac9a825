package org.onevisit.applications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onevisit.catalog.ApprovalRule;

import org.onevisit.shared.OneVisitException;

/**
 * An action on an application or task that its state or the actor does not allow. A task
 * of another department, or another applicant's application, is reported as not found:
 * whether it exists is nobody else's business.
 */
public final class ReviewRefused extends OneVisitException {

	private final Map<String, Object> details;

	private ReviewRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		this(code, kind, developerMessage, Map.of(), arguments);
	}

	private ReviewRefused(String code, Kind kind, String developerMessage, Map<String, Object> details,
			Object... arguments) {
		super(code, kind, developerMessage, arguments);
		this.details = details;
	}

	/**
	 * A task's last approval while the registries show that a condition of eligibility
	 * fails: nobody approves it, and every failed condition is named.
	 */
	public static ReviewRefused eligibilityFailed(List<Eligibility.Judgement> judged) {
		List<ApprovalRule> failed = FailedConditions.distinct(judged);
		return new ReviewRefused("eligibility_failed", Kind.UNPROCESSABLE,
				failed.size() + " condition(s) of eligibility fail: "
						+ failed.stream().map(ApprovalRule::name).toList(),
				FailedConditions.details(failed), failed.size(), FailedConditions.sentences(failed));
	}

	@Override
	public Map<String, Object> details() {
		return this.details;
	}

	public static ReviewRefused taskNotFound(TaskId task) {
		return new ReviewRefused("task_not_found", Kind.NOT_FOUND, "no task " + task + " for this actor");
	}

	public static ReviewRefused applicationNotFound(ApplicationId application) {
		return new ReviewRefused("application_not_found", Kind.NOT_FOUND, "no application " + application);
	}

	public static ReviewRefused uploadNotFound(UUID upload) {
		return new ReviewRefused("upload_not_found", Kind.NOT_FOUND, "no upload " + upload);
	}

	public static ReviewRefused taskNotOpen(TaskId task, TaskStatus status) {
		return new ReviewRefused("task_not_open", Kind.CONFLICT, "task " + task + " is " + status, status.name());
	}

	public static ReviewRefused applicationFinished(ApplicationId application, ApplicationStatus status) {
		return new ReviewRefused("application_finished", Kind.CONFLICT, "application " + application + " is " + status,
				status.name());
	}

	/**
	 * Separation of duties: the actor did an earlier step of this task that the current
	 * step must not be done by the same person as (受理 and 登簿). Forbidden, not a conflict:
	 * nothing the task could become lets this person act here, while another reviewer
	 * may.
	 */
	public static ReviewRefused samePersonNotAllowed(TaskId task, String earlierStep, String step) {
		return new ReviewRefused("same_person_not_allowed", Kind.FORBIDDEN,
				"task " + task + ": whoever did " + earlierStep + " may not do " + step, earlierStep, step);
	}

	/** A list's cursor that no page of ours gave. */
	public static ReviewRefused cursorInvalid() {
		return new ReviewRefused("cursor_invalid", Kind.INVALID, "not a cursor of this list");
	}

	public static ReviewRefused decisionInvalid(String developerMessage) {
		return new ReviewRefused("decision_invalid", Kind.INVALID, developerMessage);
	}

	public static ReviewRefused nothingToSupplement(ApplicationId application) {
		return new ReviewRefused("no_supplement_requested", Kind.CONFLICT,
				"no task of " + application + " waits for a supplement");
	}

}
