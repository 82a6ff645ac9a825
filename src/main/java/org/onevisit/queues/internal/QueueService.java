package org.onevisit.queues.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.privacy.PersonalData;
import org.onevisit.queues.Appointment;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.QueueStatus;
import org.onevisit.queues.Queues;
import org.onevisit.queues.Ticket;
import org.onevisit.shared.WorkingDays;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class QueueService implements Queues {

	private final Halls halls;

	private final Appointments appointments;

	private final Tickets tickets;

	private final WorkingDays calendar;

	private final Clock clock;

	private final int bookingDays;

	@Autowired
	QueueService(Halls halls, Appointments appointments, Tickets tickets, WorkingDays calendar, Clock clock,
			@Value("${onevisit.queues.booking-days:30}") int bookingDays) {
		this.halls = halls;
		this.appointments = appointments;
		this.tickets = tickets;
		this.calendar = calendar;
		this.clock = clock;
		this.bookingDays = bookingDays;
	}

	/** The queues on a clock of one's own, as the integration tests build them. */
	QueueService(Halls halls, JdbcClient jdbc, PersonalData personalData, WorkingDays calendar, Clock clock) {
		this(halls, new Appointments(jdbc, personalData), new Tickets(jdbc), calendar, clock, 30);
	}

	@Override
	@Transactional
	public Appointment book(String hallCode, String itemCode, LocalDate day, LocalTime slot, String person,
			String personName) {
		Hall hall = hall(hallCode);
		Appointment.theDayMustBeBookable(day, lastBookableDay());
		Appointment.theHallMustBeOpen(hall, day, slot, this.calendar);
		Appointment.theSlotMustBeAhead(day, slot, LocalDateTime.now(this.clock));
		this.appointments.lockSlot(hallCode, day, slot);
		Appointment.theSlotMustHaveRoom(hall, this.appointments.bookedIn(hallCode, day, slot));
		Appointment appointment = Appointment.book(hallCode, itemCode, day, slot, person, personName);
		this.appointments.add(appointment, this.clock.instant());
		return appointment;
	}

	@Override
	@Transactional
	public void cancel(UUID appointment, String person) {
		if (!this.appointments.cancel(appointment, person)) {
			throw QueueRefused.appointmentNotFound();
		}
	}

	@Override
	public List<Appointment> appointmentsOf(String person) {
		return this.appointments.of(person);
	}

	@Override
	public LocalDate lastBookableDay() {
		return LocalDate.now(this.clock).plusDays(this.bookingDays);
	}

	@Override
	public List<LocalTime> freeSlots(String hallCode, LocalDate day) {
		Hall hall = hall(hallCode);
		if (day.isAfter(lastBookableDay())) {
			return List.of();
		}
		List<LocalTime> full = this.appointments.fullSlots(hallCode, day, hall.windows());
		LocalDateTime now = LocalDateTime.now(this.clock);
		return hall.slotsOn(day, this.calendar)
			.stream()
			.filter((slot) -> !full.contains(slot) && Appointment.ahead(day, slot, now))
			.toList();
	}

	@Override
	@Transactional
	public Ticket draw(String hallCode, String itemCode, String appointmentCode) {
		if (!hall(hallCode).openAt(LocalDateTime.now(this.clock), this.calendar)) {
			throw QueueRefused.notOpenNow(hallCode);
		}
		LocalDate today = LocalDate.now(this.clock);
		UUID appointmentId = null;
		String item = (itemCode == null || itemCode.isBlank()) ? null : itemCode;
		if (appointmentCode != null && !appointmentCode.isBlank()) {
			Appointment appointment = this.appointments
				.lockBooked(appointmentCode.trim().toUpperCase(Locale.ROOT), hallCode, today)
				.orElseThrow(() -> QueueRefused.appointmentCodeUnknown(appointmentCode.trim()));
			this.appointments.checkIn(appointment.id());
			appointmentId = appointment.id();
			item = (item != null) ? item : appointment.itemCode();
		}
		this.tickets.lockDay(hallCode, today);
		int seq = this.tickets.nextSeq(hallCode, today);
		Ticket.Kind kind = (appointmentId != null) ? Ticket.Kind.APPOINTMENT : Ticket.Kind.WALK_IN;
		Ticket ticket = Ticket.draw(hallCode, today, seq, kind, item, this.clock.instant());
		this.tickets.add(ticket, seq, appointmentId);
		return ticket.withWaitingAhead(this.tickets.waitingAhead(hallCode, today, kind, seq));
	}

	@Override
	@Transactional
	public Optional<Ticket> callNext(String hallCode, int window, String clerk) {
		Hall hall = hall(hallCode);
		if (!hall.hasWindow(window)) {
			throw QueueRefused.windowUnknown(window);
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		this.tickets.finishAt(hallCode, today, window, now);
		Optional<Ticket> next = this.tickets.lockNextToCall(hallCode, today);
		if (next.isEmpty()) {
			return Optional.empty();
		}
		Ticket called = next.get().call(window, now);
		this.tickets.saveCall(called, clerk);
		return this.tickets.find(called.id());
	}

	@Override
	public QueueStatus status(String hallCode) {
		Hall hall = hall(hallCode);
		LocalDate today = LocalDate.now(this.clock);
		int waiting = this.tickets.waiting(hallCode, today);
		// the day's own pace once a few tickets are done, the hall's usual pace before
		int expected = hall.expectedWaitMinutes(waiting, this.tickets.minutesPerTicket(hallCode, today).orElse(null));
		return new QueueStatus(hall, hall.openAt(LocalDateTime.now(this.clock), this.calendar), waiting, expected,
				this.tickets.calling(hallCode, today));
	}

	@Override
	public List<QueueStatus> statuses() {
		return this.halls.halls().stream().map((hall) -> status(hall.code())).toList();
	}

	@Override
	public Map<String, long[]> demand(LocalDate from, LocalDate to) {
		return this.tickets.perHallAndHour(this.halls.halls().stream().map(Hall::code).toList(), from, to,
				this.clock.getZone());
	}

	private Hall hall(String code) {
		return this.halls.hall(code).orElseThrow(() -> QueueRefused.hallNotFound(code));
	}

}
