package org.onevisit.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;
import org.onevisit.shared.Subject;

/** Ratings with their rectifications, complaints and enquiries. */
public interface Feedback {

	/** Someone signed in who complains or asks: their account, name, and who they are. */
	record Person(String username, String name, Subject subject) {
	}

	/**
	 * Rates a finished application, once, as its applicant; one or two stars open a
	 * rectification for each department that reviewed it.
	 */
	Rating rate(ApplicationId application, int stars, String comment, Actor by);

	/** The rating of an application, if any, for whoever may see the application. */
	Optional<Rating> ratingOf(ApplicationId application, Actor by);

	/** The department's rectifications, unanswered first. */
	List<Rectification> rectificationsOf(String departmentCode);

	/** Every rectification, for supervision, unanswered first. */
	List<Rectification> rectifications();

	Rectification answerRectification(UUID rectification, String answer, Actor reviewer);

	/**
	 * Ratings given in the period, of matters with one of the items (all when null): how
	 * many, how many satisfied (4 or 5 stars), how many bad (1 or 2).
	 */
	Satisfaction satisfaction(Set<String> itemCodes, LocalDate from, LocalDate to);

	record Satisfaction(long rated, long satisfied, long bad) {
	}

	Complaint complain(String about, String text, Person by);

	List<Complaint> complaintsOf(String complainant);

	/** Every complaint, unanswered first. */
	List<Complaint> complaints();

	Complaint answerComplaint(UUID complaint, String answer, String by);

	Enquiry ask(String question, Person by);

	List<Enquiry> enquiriesOf(String asker);

	/**
	 * Questions nobody has answered yet, oldest first, and those the clerk is responsible
	 * for.
	 */
	List<Enquiry> enquiriesFor(String clerk);

	/**
	 * Answers a question; the first clerk to answer becomes responsible for it, and later
	 * answers by others do not change that.
	 */
	Enquiry answerEnquiry(UUID enquiry, String text, String clerk);

}
