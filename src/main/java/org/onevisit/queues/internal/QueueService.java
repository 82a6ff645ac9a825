package org.onevisit.queues.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.queues.Appointment;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Queues;
import org.onevisit.queues.Ticket;
import org.onevisit.shared.WorkingDays;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class QueueService implements Queues {

	// no 0/O or 1/I: read aloud and typed at a kiosk
	private static final char[] CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Halls halls;

	private final JdbcClient jdbc;

	private final WorkingDays calendar;

	private final Clock clock;

	QueueService(Halls halls, JdbcClient jdbc, WorkingDays calendar, Clock clock) {
		this.halls = halls;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Appointment book(String hallCode, String itemCode, LocalDate day, LocalTime slot, String person,
			String personName) {
		Hall hall = hall(hallCode);
		if (!hall.slotsOn(day, this.calendar).contains(slot)) {
			throw QueueRefused.closed(hallCode);
		}
		if (!LocalDateTime.of(day, slot).isAfter(LocalDateTime.now(this.clock))) {
			throw QueueRefused.inThePast();
		}
		// one booking at a time per slot, so that the count below stays true until commit
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "queues:" + hallCode + ":" + day + ":" + slot)
			.query((row, n) -> 1)
			.list();
		long booked = this.jdbc.sql("""
				select count(*) from queues_appointment
				where hall = :hall and day = :day and slot = :slot and status <> 'CANCELLED'
				""").param("hall", hallCode).param("day", day).param("slot", slot).query(Long.class).single();
		if (booked >= hall.windows()) {
			throw QueueRefused.slotFull();
		}
		Appointment appointment = new Appointment(UUID.randomUUID(), code(), hallCode, emptyToNull(itemCode), day, slot,
				person, personName, Appointment.Status.BOOKED);
		try {
			this.jdbc
				.sql("""
						insert into queues_appointment (id, code, hall, item_code, day, slot, person, person_name, status, created_at)
						values (:id, :code, :hall, :item, :day, :slot, :person, :name, 'BOOKED', :at)
						""")
				.param("id", appointment.id())
				.param("code", appointment.code())
				.param("hall", hallCode)
				.param("item", appointment.itemCode())
				.param("day", day)
				.param("slot", slot)
				.param("person", person)
				.param("name", personName)
				.param("at", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw QueueRefused.alreadyBooked();
		}
		return appointment;
	}

	@Override
	@Transactional
	public void cancel(UUID appointment, String person) {
		int cancelled = this.jdbc.sql("""
				update queues_appointment set status = 'CANCELLED'
				where id = :id and person = :person and status = 'BOOKED'
				""").param("id", appointment).param("person", person).update();
		if (cancelled == 0) {
			throw QueueRefused.appointmentNotFound();
		}
	}

	@Override
	public List<Appointment> appointmentsOf(String person) {
		return this.jdbc.sql("select * from queues_appointment where person = :person order by day desc, slot desc")
			.param("person", person)
			.query(this::appointment)
			.list();
	}

	@Override
	public List<LocalTime> freeSlots(String hallCode, LocalDate day) {
		Hall hall = hall(hallCode);
		List<LocalTime> full = this.jdbc.sql("""
				select slot from queues_appointment
				where hall = :hall and day = :day and status <> 'CANCELLED'
				group by slot having count(*) >= :windows
				""")
			.param("hall", hallCode)
			.param("day", day)
			.param("windows", hall.windows())
			.query((row, n) -> row.getObject("slot", LocalTime.class))
			.list();
		LocalDateTime now = LocalDateTime.now(this.clock);
		return hall.slotsOn(day, this.calendar)
			.stream()
			.filter((slot) -> !full.contains(slot) && LocalDateTime.of(day, slot).isAfter(now))
			.toList();
	}

	@Override
	@Transactional
	public Ticket draw(String hallCode, String itemCode, String appointmentCode) {
		hall(hallCode);
		LocalDate today = LocalDate.now(this.clock);
		UUID appointmentId = null;
		String item = emptyToNull(itemCode);
		if (appointmentCode != null && !appointmentCode.isBlank()) {
			Appointment appointment = this.jdbc.sql("""
					select * from queues_appointment
					where code = :code and hall = :hall and day = :day and status = 'BOOKED' for update
					""")
				.param("code", appointmentCode.trim().toUpperCase(java.util.Locale.ROOT))
				.param("hall", hallCode)
				.param("day", today)
				.query(this::appointment)
				.optional()
				.orElseThrow(QueueRefused::appointmentNotFound);
			this.jdbc.sql("update queues_appointment set status = 'CHECKED_IN' where id = :id")
				.param("id", appointment.id())
				.update();
			appointmentId = appointment.id();
			item = (item != null) ? item : appointment.itemCode();
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "queues:" + hallCode + ":" + today)
			.query((row, n) -> 1)
			.list();
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from queues_ticket where hall = :hall and day = :day")
			.param("hall", hallCode)
			.param("day", today)
			.query(Integer.class)
			.single();
		Ticket.Kind kind = (appointmentId != null) ? Ticket.Kind.APPOINTMENT : Ticket.Kind.WALK_IN;
		String number = ((kind == Ticket.Kind.APPOINTMENT) ? "B" : "A") + String.format("%03d", seq);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into queues_ticket (id, hall, day, seq, number, kind, item_code, appointment_id, drawn_at)
				values (:id, :hall, :day, :seq, :number, :kind, :item, :appointment, :at)
				""")
			.param("id", id)
			.param("hall", hallCode)
			.param("day", today)
			.param("seq", seq)
			.param("number", number)
			.param("kind", kind.name())
			.param("item", item)
			.param("appointment", appointmentId)
			.param("at", Timestamp.from(now))
			.update();
		int ahead = waitingAhead(hallCode, today, kind, seq);
		return new Ticket(id, hallCode, today, number, kind, item, now, null, null, ahead);
	}

	@Override
	@Transactional
	public Optional<Ticket> callNext(String hallCode, int window, String clerk) {
		Hall hall = hall(hallCode);
		if (window < 1 || window > hall.windows()) {
			throw QueueRefused.windowUnknown(window);
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		this.jdbc.sql("""
				update queues_ticket set finished_at = :now
				where hall = :hall and day = :day and service_window = :window and finished_at is null
				""")
			.param("now", Timestamp.from(now))
			.param("hall", hallCode)
			.param("day", today)
			.param("window", window)
			.update();
		// another window calling at the same moment skips the ticket this one takes
		Optional<UUID> next = this.jdbc.sql("""
				select id from queues_ticket
				where hall = :hall and day = :day and called_at is null
				order by case kind when 'APPOINTMENT' then 0 else 1 end, seq
				limit 1 for update skip locked
				""").param("hall", hallCode).param("day", today).query(UUID.class).optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update queues_ticket set called_at = :now, service_window = :window, called_by = :clerk where id = :id
				""")
			.param("now", Timestamp.from(now))
			.param("window", window)
			.param("clerk", clerk)
			.param("id", next.get())
			.update();
		return this.jdbc.sql("select * from queues_ticket where id = :id")
			.param("id", next.get())
			.query((row, n) -> ticket(row, 0))
			.optional();
	}

	@Override
	public QueueStatus status(String hallCode) {
		Hall hall = hall(hallCode);
		LocalDate today = LocalDate.now(this.clock);
		int waiting = this.jdbc
			.sql("select count(*) from queues_ticket where hall = :hall and day = :day and called_at is null")
			.param("hall", hallCode)
			.param("day", today)
			.query(Integer.class)
			.single();
		// the day's own pace once a few tickets are done, the hall's usual pace before
		Double measured = this.jdbc.sql("""
				select case when count(*) >= 3 then avg(extract(epoch from finished_at - called_at)) / 60 end
				from queues_ticket where hall = :hall and day = :day and finished_at is not null
				""").param("hall", hallCode).param("day", today).query(Double.class).optional().orElse(null);
		double minutesPerTicket = (measured != null) ? measured : hall.serviceMinutes();
		int expected = (int) Math.ceil(waiting * minutesPerTicket / hall.windows());
		List<QueueStatus.Called> calling = this.jdbc.sql("""
				select number, service_window from queues_ticket
				where hall = :hall and day = :day and called_at is not null and finished_at is null
				order by called_at desc limit 6
				""")
			.param("hall", hallCode)
			.param("day", today)
			.query((row, n) -> new QueueStatus.Called(row.getString("number"), row.getInt("service_window")))
			.list();
		return new QueueStatus(hall, hall.openAt(LocalDateTime.now(this.clock), this.calendar), waiting, expected,
				calling);
	}

	@Override
	public List<QueueStatus> statuses() {
		return this.halls.halls().stream().map((hall) -> status(hall.code())).toList();
	}

	@Override
	public java.util.Map<String, long[]> demand(LocalDate from, LocalDate to) {
		java.util.Map<String, long[]> demand = new java.util.LinkedHashMap<>();
		this.halls.halls().forEach((hall) -> demand.put(hall.code(), new long[24]));
		this.jdbc.sql("""
				select hall, extract(hour from drawn_at at time zone 'Asia/Shanghai')::int as hour, count(*) as tickets
				from queues_ticket where day between :from and :to group by 1, 2
				""").param("from", from).param("to", to).query((java.sql.ResultSet row) -> {
			long[] hours = demand.get(row.getString("hall"));
			if (hours != null) {
				hours[row.getInt("hour")] = row.getLong("tickets");
			}
		});
		return demand;
	}

	private int waitingAhead(String hallCode, LocalDate day, Ticket.Kind kind, int seq) {
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

	private Hall hall(String code) {
		return this.halls.hall(code).orElseThrow(() -> QueueRefused.hallNotFound(code));
	}

	private static String code() {
		char[] code = new char[6];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_LETTERS[RANDOM.nextInt(CODE_LETTERS.length)];
		}
		return new String(code);
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private Appointment appointment(ResultSet row, int number) throws SQLException {
		return new Appointment(row.getObject("id", UUID.class), row.getString("code"), row.getString("hall"),
				row.getString("item_code"), row.getObject("day", LocalDate.class),
				row.getObject("slot", LocalTime.class), row.getString("person"), row.getString("person_name"),
				Appointment.Status.valueOf(row.getString("status")));
	}

	private Ticket ticket(ResultSet row, int ahead) throws SQLException {
		Timestamp called = row.getTimestamp("called_at");
		int window = row.getInt("service_window");
		return new Ticket(row.getObject("id", UUID.class), row.getString("hall"), row.getObject("day", LocalDate.class),
				row.getString("number"), Ticket.Kind.valueOf(row.getString("kind")), row.getString("item_code"),
				row.getTimestamp("drawn_at").toInstant(), (called != null) ? called.toInstant() : null,
				row.wasNull() ? null : window, ahead);
	}

}
