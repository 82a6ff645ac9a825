package org.onevisit.queues.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tickets drawn at each hall, numbered per hall and day. */
@Repository
class Tickets {

	private final JdbcClient jdbc;

	Tickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One ticket drawn at a time per hall and day until the transaction ends. */
	void lockDay(String hallCode, LocalDate day) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "queues:" + hallCode + ":" + day)
			.query((row, n) -> 1)
			.list();
	}

	int nextSeq(String hallCode, LocalDate day) {
		return this.jdbc.sql("select coalesce(max(seq), 0) + 1 from queues_ticket where hall = :hall and day = :day")
			.param("hall", hallCode)
			.param("day", day)
			.query(Integer.class)
			.single();
	}

	void add(Ticket ticket, int seq, UUID appointment) {
		this.jdbc.sql("""
				insert into queues_ticket (id, hall, day, seq, number, kind, item_code, appointment_id, drawn_at)
				values (:id, :hall, :day, :seq, :number, :kind, :item, :appointment, :at)
				""")
			.param("id", ticket.id())
			.param("hall", ticket.hallCode())
			.param("day", ticket.day())
			.param("seq", seq)
			.param("number", ticket.number())
			.param("kind", ticket.kind().name())
			.param("item", ticket.itemCode())
			.param("appointment", appointment)
			.param("at", Timestamp.from(ticket.drawnAt()))
			.update();
	}

	/**
	 * Tickets not yet called that are called before this one: appointments come first.
	 */
	int waitingAhead(String hallCode, LocalDate day, Ticket.Kind kind, int seq) {
		String ahead = (kind == Ticket.Kind.APPOINTMENT) ? "kind = 'APPOINTMENT' and seq < :seq"
				: "(kind = 'APPOINTMENT' or seq < :seq)";
		return this.jdbc
			.sql("select count(*) from queues_ticket where hall = :hall and day = :day and called_at is null and "
					+ ahead)
			.param("hall", hallCode)
			.param("day", day)
			.param("seq", seq)
			.query(Integer.class)
			.single();
	}

	/** The window's ticket of the day, if any, is done. */
	void finishAt(String hallCode, LocalDate day, int window, Instant at) {
		this.jdbc.sql("""
				update queues_ticket set finished_at = :now
				where hall = :hall and day = :day and service_window = :window and finished_at is null
				""")
			.param("now", Timestamp.from(at))
			.param("hall", hallCode)
			.param("day", day)
			.param("window", window)
			.update();
	}

	/**
	 * The next ticket to call, appointments first, locked; another window calling at the
	 * same moment skips the ticket this one takes.
	 */
	Optional<Ticket> lockNextToCall(String hallCode, LocalDate day) {
		return this.jdbc.sql("""
				select * from queues_ticket
				where hall = :hall and day = :day and called_at is null
				order by case kind when 'APPOINTMENT' then 0 else 1 end, seq
				limit 1 for update skip locked
				""").param("hall", hallCode).param("day", day).query((row, n) -> ticket(row)).optional();
	}

	void saveCall(Ticket called, String clerk) {
		this.jdbc.sql("""
				update queues_ticket set called_at = :now, service_window = :window, called_by = :clerk where id = :id
				""")
			.param("now", Timestamp.from(called.calledAt()))
			.param("window", called.window())
			.param("clerk", clerk)
			.param("id", called.id())
			.update();
	}

	Optional<Ticket> find(UUID id) {
		return this.jdbc.sql("select * from queues_ticket where id = :id")
			.param("id", id)
			.query((row, n) -> ticket(row))
			.optional();
	}

	int waiting(String hallCode, LocalDate day) {
		return this.jdbc
			.sql("select count(*) from queues_ticket where hall = :hall and day = :day and called_at is null")
			.param("hall", hallCode)
			.param("day", day)
			.query(Integer.class)
			.single();
	}

	/** Minutes per ticket finished on the day, once at least three are. */
	Optional<Double> minutesPerTicket(String hallCode, LocalDate day) {
		return this.jdbc.sql("""
				select case when count(*) >= 3 then avg(extract(epoch from finished_at - called_at)) / 60 end
				from queues_ticket where hall = :hall and day = :day and finished_at is not null
				""").param("hall", hallCode).param("day", day).query(Double.class).optional();
	}

	/** The tickets at a window now, most recently called first. */
	List<QueueStatus.Called> calling(String hallCode, LocalDate day) {
		return this.jdbc.sql("""
				select number, service_window from queues_ticket
				where hall = :hall and day = :day and called_at is not null and finished_at is null
				order by called_at desc limit 6
				""")
			.param("hall", hallCode)
			.param("day", day)
			.query((row, n) -> new QueueStatus.Called(row.getString("number"), row.getInt("service_window")))
			.list();
	}

	/**
	 * Tickets drawn on the days per hall (each of those given) and hour of the day in the
	 * platform's zone.
	 */
	Map<String, long[]> perHallAndHour(List<String> hallCodes, LocalDate from, LocalDate to, ZoneId zone) {
		Map<String, long[]> demand = new LinkedHashMap<>();
		hallCodes.forEach((hall) -> demand.put(hall, new long[24]));
		this.jdbc.sql("""
				select hall, extract(hour from drawn_at at time zone :zone)::int as hour, count(*) as tickets
				from queues_ticket where day between :from and :to group by 1, 2
				""").param("from", from).param("to", to).param("zone", zone.getId()).query((ResultSet row) -> {
			long[] hours = demand.get(row.getString("hall"));
			if (hours != null) {
				hours[row.getInt("hour")] = row.getLong("tickets");
			}
		});
		return demand;
	}

	// as it always was: wasNull() asks about drawn_at, read last, so the window is never
	// null here
	private static Ticket ticket(ResultSet row) throws SQLException {
		Timestamp called = row.getTimestamp("called_at");
		int window = row.getInt("service_window");
		return new Ticket(row.getObject("id", UUID.class), row.getString("hall"), row.getObject("day", LocalDate.class),
				row.getString("number"), Ticket.Kind.valueOf(row.getString("kind")), row.getString("item_code"),
				row.getTimestamp("drawn_at").toInstant(), (called != null) ? called.toInstant() : null,
				row.wasNull() ? null : window, 0);
	}

}
