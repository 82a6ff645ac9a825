package org.onevisit.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 补正 request of one task and, once answered, its answer: what was asked (the items with
 * the reviewer's reasons, lines to read, the deadline) and what was given (each item's
 * value before and after). The history of the matter keeps both.
 */
public record Supplement(TaskId task, Instant requestedAt, String requestedBy, List<SupplementItem> items,
		List<String> lines, LocalDate due, Instant answeredAt, String answeredBy, List<Change> changes) {

	public Supplement {
		items = List.copyOf(items);
		lines = List.copyOf(lines);
		changes = (changes != null) ? List.copyOf(changes) : List.of();
	}

	/**
	 * One item as the applicant answered it: a field's value before and after, a
	 * material's upload before (none when it was fetched or missing) and after.
	 */
	public record Change(SupplementItem.Kind kind, String name, String label, String before, String after) {

		/** Whether the value is another than before. */
		public boolean changed() {
			return !Objects.equals(this.before, this.after);
		}

	}

	public boolean answered() {
		return this.answeredAt != null;
	}

	/** The change given for that item, if the answer gave one. */
	public Optional<Change> change(SupplementItem item) {
		return this.changes.stream()
			.filter((change) -> change.kind() == item.kind() && change.name().equals(item.name()))
			.findFirst();
	}

	/** The answer to a task's request waiting, for the repository to record with it. */
	public record Answered(TaskId task, Instant at, String by, List<Change> changes) {

		public Answered {
			changes = List.copyOf(changes);
		}

	}

}
