package org.onevisit.applications;

import java.time.Instant;
import java.util.List;

import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;

/**
 * What another module may know of an application: whose it is, its items and departments,
 * and where it stands; never its form, materials or review. Modules that act on a matter
 * (fees, delivery, ratings, licences) read this instead of the aggregate.
 * {@code hallCode} is the hall whose window accepted it (null when filed otherwise),
 * through which its result goes out (统一出件).
 */
public record ApplicationSummary(ApplicationId id, String trackingNumber, Subject subject, String filedBy,
		Channel channel, ApplicationStatus status, Instant submittedAt, Instant finishedAt, List<Item> items,
		String hallCode) {

	public ApplicationSummary {
		items = List.copyOf(items);
	}

	public ApplicationSummary(ApplicationId id, String trackingNumber, Subject subject, String filedBy, Channel channel,
			ApplicationStatus status, Instant submittedAt, Instant finishedAt, List<Item> items) {
		this(id, trackingNumber, subject, filedBy, channel, status, submittedAt, finishedAt, items, null);
	}

	/** One item of the matter and the department that decides it. */
	public record Item(String itemCode, int itemVersion, String departmentCode) {
	}

	/**
	 * Whether this actor may see the matter at all, by the same rule as
	 * {@link Application#visibleTo}.
	 */
	public boolean visibleTo(Actor actor) {
		return Application.visible(actor, this.filedBy, this.subject, this.items.stream().map(Item::departmentCode));
	}

	/** The codes of the matter's items, each once. */
	public List<String> itemCodes() {
		return this.items.stream().map(Item::itemCode).distinct().toList();
	}

}
