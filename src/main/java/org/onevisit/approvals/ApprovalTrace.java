package org.onevisit.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onevisit.platform.Sentence;

/** How the rules of one task's item were judged, rule by rule, and what followed. */
public record ApprovalTrace(UUID task, UUID application, String itemCode, Outcome outcome, List<Line> lines,
		Instant evaluatedAt, long evaluationMicros) {

	public ApprovalTrace {
		lines = List.copyOf(lines);
	}

	public enum Outcome {

		/** Every rule held: the platform approved the task. */
		APPROVED_INSTANTLY,
		/** A rule failed or could not be judged: a reviewer decides, with this trace. */
		SENT_TO_REVIEWER

	}

	/**
	 * One rule's verdict and the reasoning a person can read: a stored {@link Sentence},
	 * or plain text for traces stored before reasonings were kept as sentences.
	 */
	public record Line(String rule, Verdict verdict, String text) {
	}

	public enum Verdict {

		HOLDS, FAILS, UNKNOWN

	}

	/** The lines as one sentence, for the case history of a task approved by them. */
	public Sentence reason() {
		return Sentence.of("approval.reason.instant", RuleEvaluation.reasoning(this.lines));
	}

}
