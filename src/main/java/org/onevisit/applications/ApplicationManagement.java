package org.onevisit.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;

/**
 * Filing applications and deciding their tasks. Whatever the actor may not see is
 * reported as not found.
 */
public interface ApplicationManagement {

	/**
	 * What an applicant (or a clerk or partner on their behalf) files: one item or one
	 * bundle.
	 */
	record Submission(String itemCode, String bundleCode, Subject subject, Channel channel, Map<String, Object> form,
			Map<String, String> uploads, Map<String, String> evidence, Map<String, String> uploadReasons,
			String hallCode) {

		public Submission {
			form = (form != null) ? Map.copyOf(form) : Map.of();
			uploads = (uploads != null) ? Map.copyOf(uploads) : Map.of();
			evidence = (evidence != null) ? Map.copyOf(evidence) : Map.of();
			uploadReasons = (uploadReasons != null) ? Map.copyOf(uploadReasons) : Map.of();
		}

		public Submission(String itemCode, String bundleCode, Subject subject, Channel channel,
				Map<String, Object> form, Map<String, String> uploads, Map<String, String> evidence,
				Map<String, String> uploadReasons) {
			this(itemCode, bundleCode, subject, channel, form, uploads, evidence, uploadReasons, null);
		}

		/** The same submission, accepted at a hall's window. */
		public Submission atHall(String hall) {
			return new Submission(this.itemCode, this.bundleCode, this.subject, this.channel, this.form, this.uploads,
					this.evidence, this.uploadReasons, hall);
		}

		/**
		 * With uploads by material code; shared data is fetched after filing.
		 */
		public Submission(String itemCode, String bundleCode, Subject subject, Channel channel,
				Map<String, Object> form, Map<String, String> uploads) {
			this(itemCode, bundleCode, subject, channel, form, uploads, Map.of(), Map.of());
		}

		/**
		 * Without uploads, for matters whose materials all come from data, licences or
		 * nowhere.
		 */
		public Submission(String itemCode, String bundleCode, Subject subject, Channel channel,
				Map<String, Object> form) {
			this(itemCode, bundleCode, subject, channel, form, Map.of());
		}

	}

	/**
	 * Files the application; with an idempotency key, a repeat of the same submission
	 * answers the application already filed, and a different submission under the same
	 * key is refused.
	 */
	Application submit(Submission submission, Actor by, String idempotencyKey);

	/**
	 * Decides the task at its current step. {@code expectedVersion} is the task version
	 * the reviewer saw; without it, the version read when the request began is expected.
	 */
	Application decide(TaskId task, Decision decision, Actor by, Long expectedVersion);

	/**
	 * The earlier step, as people read it, that this actor did and that the task's
	 * current step must be done by someone else than (separation of duties); empty when
	 * they may act, or the task is none of theirs.
	 */
	Optional<String> separatedFrom(TaskId task, Actor by);

	/**
	 * A licence of an item of the matter with this tracking number was issued: tasks of
	 * the matter waiting for that item's result open once every result they wait for is
	 * issued, and the materials of that licence type still waiting for a licence are
	 * attached. A repeat changes nothing; a tracking number of no matter is ignored.
	 */
	void resultIssued(String trackingNumber, String itemCode, String licenceType, UUID licence);

	/**
	 * Approves a task under review by its item's rules (秒批), as the platform, with the
	 * trace as the reason on record. Only the platform's own evaluation calls this.
	 */
	Application approveByRules(TaskId task, String trace);

	/**
	 * The conditions of eligibility of the task's item judged now, on the registries'
	 * data read on the actor's behalf, for the reviewer's case file; empty when the item
	 * has none.
	 */
	List<Eligibility.Judgement> eligibility(TaskId task, Actor by);

	/** Answers a supplement request that named no material or field to give. */
	Application provideSupplement(ApplicationId application, Actor by);

	/**
	 * Answers the supplement requests waiting, item by item: an upload of the applicant's
	 * for each material asked, a value for each field asked; every item asked must be
	 * given, and nothing else.
	 */
	Application provideSupplement(ApplicationId application, SupplementAnswer answer, Actor by);

	/**
	 * Every supplement request of the matter and its answer, oldest first, for its
	 * applicant and the staff who may see it (not its other parties).
	 */
	List<Supplement> supplements(ApplicationId application, Actor by);

	/**
	 * Lapses the matters whose supplement did not come by its last day; answers how many.
	 */
	int lapseUnsupplemented();

	Application withdraw(ApplicationId application, Actor by);

	Application find(ApplicationId application, Actor by);

	/**
	 * What another module may know of the application, if the actor may see it (the
	 * platform sees every one).
	 */
	ApplicationSummary summary(ApplicationId application, Actor by);

	/** What an application was filed with, for the platform's own follow-up work. */
	Filing filing(ApplicationId application);

	/**
	 * Records what the exchange found for materials waiting for data (by material code),
	 * with a history row each. Materials no longer waiting are left as they are, so that
	 * a repeated delivery changes nothing.
	 */
	void recordData(ApplicationId application, List<DataOutcome> outcomes);

	/** What the exchange found for one material. */
	record DataOutcome(String materialCode, MaterialRecord.State state, String reference, String note) {
	}

	/** Applications with a material still waiting for data, oldest first. */
	List<ApplicationId> awaitingData(int limit);

	/** The application a task belongs to, if the actor may see it. */
	Application findByTask(TaskId task, Actor by);

	List<Application> filedBy(Actor applicant);

	/**
	 * A page of {@link #filedBy(Actor)}, newest first: at most {@code limit} after the
	 * cursor a previous page gave (null: the first page), and the cursor of the next page
	 * when there is one. A cursor that is not one is refused ({@code cursor_invalid}).
	 */
	FiledPage filedBy(Actor applicant, String cursor, int limit);

	/** A page of an applicant's list and the opaque cursor of the next, or null. */
	record FiledPage(List<Application> applications, String next) {
	}

	List<HistoryEntry> history(ApplicationId application, Actor by);

	/**
	 * The reviewer's department's open tasks, earliest committed due first: due soon
	 * means due today or on the next working day, overdue means past the committed due.
	 */
	List<InboxEntry> inbox(Actor reviewer, InboxEntry.Filter filter);

	/**
	 * Tasks under review in every department whose committed due date is on or before the
	 * day, earliest first: what supervision watches. Tasks waiting for a supplement are
	 * left out, their clocks being paused.
	 */
	List<InboxEntry> underReviewDueBy(LocalDate day);

	/**
	 * A party confirms their part of a matter: online as themselves, or at a window
	 * before a clerk who records the identity check ({@code check}, {@code null} online).
	 * When the last part is confirmed, the matter is submitted to its departments.
	 */
	Application confirm(UUID confirmation, Actor by, PartyConfirmation.WindowCheck check);

	/** A party declines their part, with the reason: the matter ends. */
	Application decline(UUID confirmation, Actor by, String reason, PartyConfirmation.WindowCheck check);

	/** A matter's part waiting for this party. */
	record AwaitedConfirmation(Application matter, PartyConfirmation part) {
	}

	/** What waits for this person's or business's confirmation, oldest first. */
	List<AwaitedConfirmation> awaitingConfirmation(Subject party);

	/**
	 * One part, if the actor may decide it: the party themselves, or a clerk at a window.
	 */
	Optional<AwaitedConfirmation> confirmation(UUID confirmation, Actor by);

	/**
	 * Lapses the matters whose parties have not all confirmed within so many working days
	 * of filing; answers how many.
	 */
	int lapseUnconfirmed(int workingDays);

	/**
	 * Everything the matter owed is paid or waived (the payments module says so): a
	 * matter waiting for payment is approved and its results follow. Answers whether it
	 * was waiting; a repeated call changes nothing.
	 */
	boolean settlePayment(ApplicationId application);

	/**
	 * Lapses the matters that have waited for payment for so many working days; answers
	 * how many.
	 */
	int lapseUnpaid(int workingDays);

}
