package org.onevisit.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.onevisit.audit.SecurityEvent;

import org.springframework.stereotype.Service;

/**
 * The supervisor's search of the security log, from what a form or a query string gives:
 * days in the platform's time zone, a kind by name; what does not parse is left out
 * rather than refused, as a search box does.
 */
@Service
public class SecurityLogSearch {

	private final SecurityEvents events;

	private final Clock clock;

	SecurityLogSearch(SecurityEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** A line of the log as pages and the API show it. */
	public record Line(long id, Instant at, SecurityEvent.Kind kind, String actor, String subject, String detail) {
	}

	/** One page, newest first, and the cursor of the next if any. */
	public record Found(List<Line> lines, Long next) {
	}

	public Found search(String person, String kind, String from, String to, Long before, int limit) {
		SecurityEvents.Page page = this.events.search(new SecurityEvents.Search(person, kindOf(kind).orElse(null),
				day(from).map((day) -> day.atStartOfDay(this.clock.getZone()).toInstant()).orElse(null),
				day(to).map((day) -> day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant()).orElse(null),
				before, limit));
		return new Found(page.entries()
			.stream()
			.map((entry) -> new Line(entry.id(), entry.at(), entry.kind(), entry.actor(), entry.subject(),
					entry.detail()))
			.toList(), page.next());
	}

	static Optional<SecurityEvent.Kind> kindOf(String name) {
		return Arrays.stream(SecurityEvent.Kind.values()).filter((kind) -> kind.name().equals(name)).findFirst();
	}

	private static Optional<LocalDate> day(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
