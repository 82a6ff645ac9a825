package org.onevisit.registries.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.exchange.RegistryAnswer;

/**
 * What the registries hold, element by element and subject by subject: the records, when
 * the registry last confirmed them, and a note for incomplete data.
 */
final class RegistryBook {

	/** A registry's data on one subject for one element. */
	record Entry(RegistryAnswer.Status status, Instant updatedAt, String note, List<Map<String, Object>> records) {
	}

	// read by the registries' server threads while an operator may change a record
	private final Map<String, Map<String, Entry>> entries = new ConcurrentHashMap<>();

	void put(String element, String subject, Entry entry) {
		this.entries.computeIfAbsent(element, (e) -> new ConcurrentHashMap<>()).put(subject, entry);
	}

	/** Adds a record to the subject's list, creating a found entry if there is none. */
	void add(String element, String subject, Instant updatedAt, Map<String, Object> record) {
		Map<String, Entry> bySubject = this.entries.computeIfAbsent(element, (e) -> new ConcurrentHashMap<>());
		Entry existing = bySubject.get(subject);
		List<Map<String, Object>> records = new ArrayList<>();
		if (existing != null) {
			records.addAll(existing.records());
		}
		records.add(record);
		bySubject.put(subject,
				new Entry((existing != null) ? existing.status() : RegistryAnswer.Status.FOUND,
						(existing != null) ? existing.updatedAt() : updatedAt,
						(existing != null) ? existing.note() : null, List.copyOf(records)));
	}

	/** Every entry of an element, by subject. */
	Map<String, Entry> all(String element) {
		return Map.copyOf(this.entries.getOrDefault(element, Map.of()));
	}

	Optional<Entry> find(String element, String subject) {
		return Optional.ofNullable(this.entries.getOrDefault(element, Map.of()).get(subject));
	}

	int count(String element) {
		return this.entries.getOrDefault(element, Map.of()).size();
	}

}
