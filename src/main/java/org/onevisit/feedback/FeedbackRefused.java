package org.onevisit.feedback;

import org.onevisit.shared.OneVisitException;

/** Feedback that cannot be accepted as given; nothing was stored. */
public final class FeedbackRefused extends OneVisitException {

	private FeedbackRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static FeedbackRefused notFinished() {
		return new FeedbackRefused("rating_not_finished", Kind.CONFLICT, "only a finished application is rated");
	}

	public static FeedbackRefused alreadyRated() {
		return new FeedbackRefused("rating_already_given", Kind.CONFLICT, "the application is already rated");
	}

	public static FeedbackRefused starsOutOfRange() {
		return new FeedbackRefused("rating_stars_invalid", Kind.INVALID, "stars are 1 to 5");
	}

	public static FeedbackRefused commentRequired() {
		return new FeedbackRefused("rating_comment_required", Kind.INVALID, "a rating of 1 or 2 says what went wrong");
	}

	public static FeedbackRefused textRequired() {
		return new FeedbackRefused("feedback_text_required", Kind.INVALID, "the text is empty");
	}

	public static FeedbackRefused textTooLong(int limit) {
		return new FeedbackRefused("feedback_text_too_long", Kind.INVALID, "the text is longer than " + limit, limit);
	}

	public static FeedbackRefused notFound() {
		return new FeedbackRefused("feedback_not_found", Kind.NOT_FOUND, "no such entry for this actor");
	}

	public static FeedbackRefused alreadyAnswered() {
		return new FeedbackRefused("feedback_already_answered", Kind.CONFLICT, "already answered");
	}

}
