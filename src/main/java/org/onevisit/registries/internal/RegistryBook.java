package org.onevisit.registries.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	/**
	 * An element the registry answers from another's records with some of their fields
	 * only: what its readers need and no more.
	 */
	private record View(String source, List<String> fields) {

		Entry of(Entry entry) {
			List<Map<String, Object>> records = entry.records().stream().map((record) -> {
				Map<String, Object> kept = new LinkedHashMap<>();
				this.fields.stream().filter(record::containsKey).forEach((field) -> kept.put(field, record.get(field)));
				return kept;
			}).toList();
			return new Entry(entry.status(), entry.updatedAt(), entry.note(), records);
		}

	}

	// where an owner's properties lie, without who owns them, and the county of a
	// person's household, without its members: what routing a matter to the county
	// that handles it reads (全市通办)
	private static final Map<String, View> VIEWS = Map.of("realestate.location",
			new View("realestate.ownership", List.of("certificateNo", "regionCode")), "population.householdRegion",
			new View("population.household", List.of("regionCode")));

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
		View view = VIEWS.get(element);
		if (view != null) {
			Map<String, Entry> projected = new HashMap<>();
			all(view.source()).forEach((subject, entry) -> projected.put(subject, view.of(entry)));
			return Map.copyOf(projected);
		}
		return Map.copyOf(this.entries.getOrDefault(element, Map.of()));
	}

	Optional<Entry> find(String element, String subject) {
		View view = VIEWS.get(element);
		if (view != null) {
			return find(view.source(), subject).map(view::of);
		}
		return Optional.ofNullable(this.entries.getOrDefault(element, Map.of()).get(subject));
	}

	int count(String element) {
		return this.entries.getOrDefault(element, Map.of()).size();
	}

}
