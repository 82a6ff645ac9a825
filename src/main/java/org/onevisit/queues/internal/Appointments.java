package org.onevisit.queues.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.privacy.PersonalData;
import org.onevisit.queues.Appointment;
import org.onevisit.queues.QueueRefused;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The booked slots at each hall; a person has at most one a day (the key says so). */
@Repository
class Appointments {

	// the booker's name, sealed (privacy module)
	private static final String PERSON_NAME = "queues_appointment.person_name";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Appointments(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/**
	 * One booking at a time per slot until the transaction ends, so that the count of
	 * what is booked stays true until commit.
	 */
	void lockSlot(String hallCode, LocalDate day, LocalTime slot) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "queues:" + hallCode + ":" + day + ":" + slot)
			.query((row, n) -> 1)
			.list();
	}

	long bookedIn(String hallCode, LocalDate day, LocalTime slot) {
		return this.jdbc.sql("""
				select count(*) from queues_appointment
				where hall = :hall and day = :day and slot = :slot and status <> 'CANCELLED'
				""").param("hall", hallCode).param("day", day).param("slot", slot).query(Long.class).single();
	}

	/** Keeps a new booking; refused when the person has one that day already. */
	void add(Appointment appointment, Instant at) {
		try {
			this.jdbc
				.sql("""
						insert into queues_appointment (id, code, hall, item_code, day, slot, person, person_name, status, created_at)
						values (:id, :code, :hall, :item, :day, :slot, :person, :name, 'BOOKED', :at)
						""")
				.param("id", appointment.id())
				.param("code", appointment.code())
				.param("hall", appointment.hallCode())
				.param("item", appointment.itemCode())
				.param("day", appointment.day())
				.param("slot", appointment.slot())
				.param("person", appointment.person())
				.param("name", this.personalData.seal(appointment.personName(), PERSON_NAME))
				.param("at", Timestamp.from(at))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw QueueRefused.alreadyBooked();
		}
	}

	/** True when the person's booking was cancelled now. */
	boolean cancel(UUID id, String person) {
		return this.jdbc.sql("""
				update queues_appointment set status = 'CANCELLED'
				where id = :id and person = :person and status = 'BOOKED'
				""").param("id", id).param("person", person).update() != 0;
	}

	List<Appointment> of(String person) {
		return this.jdbc.sql("select * from queues_appointment where person = :person order by day desc, slot desc")
			.param("person", person)
			.query(this::appointment)
			.list();
	}

	/** The slots of the day that have as many bookings as the hall has windows. */
	List<LocalTime> fullSlots(String hallCode, LocalDate day, int windows) {
		return this.jdbc.sql("""
				select slot from queues_appointment
				where hall = :hall and day = :day and status <> 'CANCELLED'
				group by slot having count(*) >= :windows
				""")
			.param("hall", hallCode)
			.param("day", day)
			.param("windows", windows)
			.query((row, n) -> row.getObject("slot", LocalTime.class))
			.list();
	}

	/**
	 * A booking of the day at the hall by its code, locked until the transaction ends.
	 */
	Optional<Appointment> lockBooked(String code, String hallCode, LocalDate day) {
		return this.jdbc.sql("""
				select * from queues_appointment
				where code = :code and hall = :hall and day = :day and status = 'BOOKED' for update
				""").param("code", code).param("hall", hallCode).param("day", day).query(this::appointment).optional();
	}

	void checkIn(UUID id) {
		this.jdbc.sql("update queues_appointment set status = 'CHECKED_IN' where id = :id").param("id", id).update();
	}

	private Appointment appointment(ResultSet row, int number) throws SQLException {
		return new Appointment(row.getObject("id", UUID.class), row.getString("code"), row.getString("hall"),
				row.getString("item_code"), row.getObject("day", LocalDate.class),
				row.getObject("slot", LocalTime.class), row.getString("person"),
				this.personalData.open(row.getString("person_name"), PERSON_NAME),
				Appointment.Status.valueOf(row.getString("status")));
	}

}
