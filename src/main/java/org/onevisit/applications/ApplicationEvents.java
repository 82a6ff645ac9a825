package org.onevisit.applications;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onevisit.catalog.Party;
import org.onevisit.shared.Subject;

/**
 * What happens to applications, as past-tense facts other modules react to: the members
 * of the {@link ApplicationEvent} family.
 */
public final class ApplicationEvents {

	private ApplicationEvents() {
	}

	/**
	 * Filed, with a task per item. {@code awaitingData} says whether some material is
	 * still to be fetched from a registry, so that a listener with nothing to do is not
	 * even recorded in the outbox. The applicant and the committed date travel with it,
	 * so that telling the applicant needs no second read of the matter.
	 */
	public record ApplicationSubmitted(ApplicationId application, String trackingNumber, Subject applicant,
			Channel channel, List<FiledItem> items, boolean awaitingData, LocalDate committedDue,
			Instant at) implements ApplicationEvent {
	}

	/** One item of a filed application, with the catalogue version it was filed under. */
	public record FiledItem(TaskId task, String itemCode, int itemVersion) {
	}

	/**
	 * A department asks the applicant for more: every line asked (the materials and
	 * fields named, with the reasons, and lines to read), and the last day to answer
	 * (null when none is set).
	 */
	public record SupplementRequested(ApplicationId application, String trackingNumber, Subject applicant,
			Channel channel, TaskId task, List<String> missing, LocalDate due, Instant at) implements ApplicationEvent {
	}

	/**
	 * A supplement asked for did not come by its last day: the matter lapses (视为撤回申请)
	 * without a result, and the applicant is told.
	 */
	public record SupplementLapsed(ApplicationId application, String trackingNumber, Subject applicant, LocalDate due,
			Instant at) implements ApplicationEvent {
	}

	public record SupplementProvided(ApplicationId application, TaskId task, Instant at) implements ApplicationEvent {
	}

	/** Every task approved: licences are issued from this. */
	public record ApplicationApproved(ApplicationId application, String trackingNumber, Subject applicant,
			Channel channel, List<ApprovedItem> items, Instant at) implements ApplicationEvent {
	}

	/**
	 * One approved item of an application, with the catalogue version it was filed under.
	 */
	public record ApprovedItem(TaskId task, String itemCode, int itemVersion, String departmentCode) {
	}

	/**
	 * An approved item whose result another item of the same matter needs (the business
	 * licence a food permit needs): its registry changes and licence are produced now,
	 * before the rest of the matter is approved. Producers treat it as the approval of
	 * that one item and, as for {@link ApplicationApproved}, produce each result once.
	 */
	public record ResultNeeded(ApplicationId application, String trackingNumber, ApprovedItem item,
			Instant at) implements ApplicationEvent {
	}

	/** Rejected, with each rejecting department's reason. */
	public record ApplicationRejected(ApplicationId application, String trackingNumber, Subject applicant,
			Channel channel, List<String> reasons, Instant at) implements ApplicationEvent {
	}

	public record ApplicationWithdrawn(ApplicationId application, Instant at) implements ApplicationEvent {
	}

	/**
	 * Filed, waiting for these parties to confirm before anything is submitted to the
	 * departments (they are told what awaits them).
	 */
	public record ApplicationAwaitingParties(ApplicationId application, String trackingNumber, Subject applicant,
			Channel channel, List<Subject> parties, Instant at) implements ApplicationEvent {

		public ApplicationAwaitingParties {
			parties = List.copyOf(parties);
		}

	}

	/** A party declined the matter, which ended there; the applicant is told why. */
	public record ApplicationDeclined(ApplicationId application, String trackingNumber, Subject applicant,
			Party.Role role, String reason, Instant at) implements ApplicationEvent {
	}

	/** Not every party confirmed in time: the matter lapsed. */
	public record ApplicationLapsed(ApplicationId application, String trackingNumber, Subject applicant,
			Instant at) implements ApplicationEvent {
	}

	/**
	 * Every department approved, but fees or taxes are unpaid: the applicant is told what
	 * and how much, and nothing is issued or written until it is paid or waived.
	 */
	public record ApplicationAwaitingPayment(ApplicationId application, String trackingNumber, Subject applicant,
			BigDecimal amount, List<String> what, Instant at) implements ApplicationEvent {

		public ApplicationAwaitingPayment {
			what = List.copyOf(what);
		}

	}

	/** What was owed was not paid in time: the matter lapsed without any result. */
	public record ApplicationLapsedUnpaid(ApplicationId application, String trackingNumber, Subject applicant,
			Instant at) implements ApplicationEvent {
	}

}
