package org.onevisit.transparency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public log, for the modules whose acts it records: entries are written in the
 * caller's transaction (one insert each, nothing waits for the tree) and sequenced into
 * the tree within {@code onevisit.transparency.batch-interval}.
 */
public interface TransparencyLog {

	/** Records the entries with whatever the caller's transaction commits. */
	void record(List<LogEntry> entries);

	default void record(LogEntry entry) {
		record(List.of(entry));
	}

	/**
	 * Where the entry with that reference stands in the log and its inclusion proof
	 * against the newest signed checkpoint; empty until a checkpoint covers it.
	 */
	Optional<Inclusion> inclusion(String reference);

	/** The index of each of those references already in the tree. */
	Map<String, Long> indexes(Collection<String> references);

}
