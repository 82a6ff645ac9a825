package org.onevisit.queues.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.privacy.PersonalData;
import org.onevisit.queues.Halls;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.WindowIdentityCheck;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.TimeOrderedIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity checks made at the halls' windows, kept as they were recorded. */
@Service
class IdentityCheckLog implements WindowIdentityChecks {

	private final JdbcClient jdbc;

	private final Halls halls;

	private final Clock clock;

	private final PersonalData personalData;

	IdentityCheckLog(JdbcClient jdbc, Halls halls, Clock clock, PersonalData personalData) {
		this.jdbc = jdbc;
		this.halls = halls;
		this.clock = clock;
		this.personalData = personalData;
	}

	/**
	 * A person as the log keeps them: the blind index of their resident ID, by which a
	 * check is found again; anything else as it is.
	 */
	private String stored(String subject) {
		return ResidentId.isValid(subject) ? this.personalData.blindIndex(ResidentId.of(subject)) : subject;
	}

	@Override
	@Transactional
	public WindowIdentityCheck record(String clerk, String hallCode, String subject, WindowIdentityCheck.Method method,
			String ticketNumber) {
		if (this.halls.hall(hallCode).isEmpty()) {
			throw QueueRefused.hallNotFound(hallCode);
		}
		String ticket = (ticketNumber != null && !ticketNumber.isBlank())
				? ticketNumber.strip().toUpperCase(Locale.ROOT) : null;
		if (subject == null || subject.isBlank() || method == null
				|| (method == WindowIdentityCheck.Method.TICKET) != (ticket != null)) {
			throw QueueRefused.identityCheckInvalid();
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		if (method == WindowIdentityCheck.Method.TICKET && !ticketHeldBy(hallCode, today, ticket, subject)) {
			throw QueueRefused.ticketNotFound(ticket);
		}
		WindowIdentityCheck check = new WindowIdentityCheck(TimeOrderedIds.next(), clerk, hallCode, subject, method,
				ticket, today, now);
		this.jdbc.sql("""
				insert into queues_identity_check (id, clerk, hall, subject, method, ticket_number, day, checked_at)
				values (:id, :clerk, :hall, :subject, :method, :ticket, :day, :at)""")
			.param("id", check.id())
			.param("clerk", clerk)
			.param("hall", hallCode)
			.param("subject", stored(subject))
			.param("method", method.name())
			.param("ticket", ticket)
			.param("day", today)
			.param("at", Timestamp.from(now))
			.update();
		return check;
	}

	@Override
	public Optional<WindowIdentityCheck> checkedToday(String hallCode, String subject) {
		return this.jdbc.sql("""
				select id, clerk, hall, subject, method, ticket_number, day, checked_at from queues_identity_check
				where hall = :hall and day = :day and subject = :subject order by checked_at desc limit 1""")
			.param("hall", hallCode)
			.param("day", LocalDate.now(this.clock))
			.param("subject", stored(subject))
			.query((row, n) -> new WindowIdentityCheck(row.getObject("id", UUID.class), row.getString("clerk"),
					row.getString("hall"), subject, WindowIdentityCheck.Method.valueOf(row.getString("method")),
					row.getString("ticket_number"), row.getObject("day", LocalDate.class),
					row.getTimestamp("checked_at").toInstant()))
			.optional();
	}

	/**
	 * A ticket drawn today at the hall; one drawn for an appointment must be this
	 * person's.
	 */
	private boolean ticketHeldBy(String hallCode, LocalDate day, String number, String subject) {
		List<String> holders = this.jdbc
			.sql("""
					select coalesce(a.person, '') from queues_ticket t left join queues_appointment a on a.id = t.appointment_id
					where t.hall = :hall and t.day = :day and t.number = :number""")
			.param("hall", hallCode)
			.param("day", day)
			.param("number", number)
			.query(String.class)
			.list();
		return holders.stream().anyMatch((person) -> person.isEmpty() || person.equals(subject));
	}

}
