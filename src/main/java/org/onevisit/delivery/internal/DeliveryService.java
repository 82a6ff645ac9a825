package org.onevisit.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.delivery.DeliveryRefused;
import org.onevisit.messages.Notifications;
import org.onevisit.messages.Notifications.Notice;
import org.onevisit.queues.Halls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DeliveryService implements Deliveries {

	// a mainland mobile number, which the courier texts on arrival
	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final ApplicationManagement applications;

	private final Halls halls;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Clock clock;

	DeliveryService(ApplicationManagement applications, Halls halls, JdbcClient jdbc, Notifications notifications,
			Clock clock) {
		this.applications = applications;
		this.halls = halls;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Override
	public Delivery of(ApplicationId id, Actor by) {
		Application application = this.applications.find(id, by);
		return find(id).orElseGet(() -> new Delivery(id, application.trackingNumber(), Delivery.Method.ELECTRONIC, null,
				null, null, null, null, null, null, null, null));
	}

	@Override
	@Transactional
	public Delivery choose(ApplicationId id, Choice choice, Actor applicant) {
		Application application = this.applications.find(id, applicant);
		if (applicant.kind() != Actor.Kind.APPLICANT) {
			throw DeliveryRefused.notFound();
		}
		Choice checked = checked(choice);
		Optional<Delivery> existing = lock(id);
		if (existing.isPresent() && existing.get().handedOver()) {
			throw DeliveryRefused.alreadyHandedOver();
		}
		this.jdbc.sql("""
				insert into delivery_choice (application_id, tracking_number, method, hall, recipient, phone, address,
				    chosen_by, chosen_at)
				values (:id, :tracking, :method, :hall, :recipient, :phone, :address, :by, :at)
				on conflict (application_id) do update set method = excluded.method, hall = excluded.hall,
				    recipient = excluded.recipient, phone = excluded.phone, address = excluded.address,
				    chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at
				""")
			.param("id", id.value())
			.param("tracking", application.trackingNumber())
			.param("method", checked.method().name())
			.param("hall", checked.hallCode())
			.param("recipient", checked.recipient())
			.param("phone", checked.phone())
			.param("address", checked.address())
			.param("by", applicant.username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		return find(id).orElseThrow();
	}

	@Override
	public List<Delivery> waitingForHandOver() {
		// the few who asked for a pick-up or a courier and have not had it: which are
		// approved is asked of the applications, rather than told to this module for
		// every approval
		return this.jdbc.sql("""
				select * from delivery_choice where handed_over_at is null and method <> 'ELECTRONIC'
				""")
			.query(this::delivery)
			.list()
			.stream()
			.map(this::withReadiness)
			.filter((delivery) -> delivery.readyAt() != null)
			.sorted(java.util.Comparator.comparing(Delivery::readyAt))
			.toList();
	}

	/** Ready once the application is approved, from the moment it was. */
	private Delivery withReadiness(Delivery delivery) {
		if (delivery.readyAt() != null) {
			return delivery;
		}
		Application application = this.applications.find(delivery.application(), Actor.system());
		if (application.status() != ApplicationStatus.APPROVED) {
			return delivery;
		}
		return new Delivery(delivery.application(), delivery.trackingNumber(), delivery.method(), delivery.hallCode(),
				delivery.recipient(), delivery.phone(), delivery.address(), application.finishedAt(),
				delivery.handedOverAt(), delivery.handedOverBy(), delivery.courier(), delivery.courierTrackingNumber());
	}

	@Override
	@Transactional
	public Delivery handOver(ApplicationId id, String courier, String courierTrackingNumber, Actor clerk) {
		if (clerk.kind() != Actor.Kind.CLERK) {
			throw DeliveryRefused.notFound();
		}
		Delivery delivery = lock(id).map(this::withReadiness).orElseThrow(DeliveryRefused::notReady);
		if (delivery.readyAt() == null || delivery.method() == Delivery.Method.ELECTRONIC) {
			throw DeliveryRefused.notReady();
		}
		if (delivery.handedOver()) {
			throw DeliveryRefused.alreadyHandedOver();
		}
		String company = blankToNull(courier);
		String tracking = blankToNull(courierTrackingNumber);
		if (delivery.method() == Delivery.Method.COURIER) {
			List<String> missing = new ArrayList<>();
			if (company == null) {
				missing.add("courier");
			}
			if (tracking == null || !tracking.matches("[A-Za-z0-9-]{6,40}")) {
				missing.add("courierTrackingNumber");
			}
			if (!missing.isEmpty()) {
				throw DeliveryRefused.incomplete(missing);
			}
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update delivery_choice set handed_over_at = :at, handed_over_by = :by, courier = :courier,
				    courier_tracking_number = :tracking, ready_at = :ready
				where application_id = :id
				""")
			.param("at", Timestamp.from(now))
			.param("by", clerk.username())
			.param("ready", Timestamp.from(delivery.readyAt()))
			.param("courier", (delivery.method() == Delivery.Method.COURIER) ? company : null)
			.param("tracking", (delivery.method() == Delivery.Method.COURIER) ? tracking : null)
			.param("id", id.value())
			.update();
		List<String> arguments = (delivery.method() == Delivery.Method.COURIER)
				? List.of(delivery.trackingNumber(), company, tracking) : List.of(delivery.trackingNumber());
		this.notifications.send(List.of(new Notice(this.applications.filing(id).subject(), "delivery-handed-over:" + id,
				(delivery.method() == Delivery.Method.COURIER) ? "message.deliveryShipped"
						: "message.deliveryCollected",
				arguments, "/my/applications/" + id.value())));
		return find(id).orElseThrow();
	}

	private Choice checked(Choice choice) {
		if (choice == null || choice.method() == null) {
			throw DeliveryRefused.incomplete(List.of("method"));
		}
		List<String> wrong = new ArrayList<>();
		switch (choice.method()) {
			case ELECTRONIC:
				return new Choice(Delivery.Method.ELECTRONIC, null, null, null, null);
			case PICKUP:
				if (choice.hallCode() == null || this.halls.hall(choice.hallCode()).isEmpty()) {
					throw DeliveryRefused.incomplete(List.of("hallCode"));
				}
				return new Choice(Delivery.Method.PICKUP, choice.hallCode(), null, null, null);
			default:
				String recipient = blankToNull(choice.recipient());
				String phone = blankToNull(choice.phone());
				String address = blankToNull(choice.address());
				if (recipient == null || recipient.length() > 50) {
					wrong.add("recipient");
				}
				if (phone == null || !MOBILE.matcher(phone).matches()) {
					wrong.add("phone");
				}
				if (address == null || address.length() < 6 || address.length() > 200) {
					wrong.add("address");
				}
				if (!wrong.isEmpty()) {
					throw DeliveryRefused.incomplete(wrong);
				}
				return new Choice(Delivery.Method.COURIER, null, recipient, phone, address);
		}
	}

	private Optional<Delivery> find(ApplicationId id) {
		return this.jdbc.sql("select * from delivery_choice where application_id = :id")
			.param("id", id.value())
			.query(this::delivery)
			.optional();
	}

	private Optional<Delivery> lock(ApplicationId id) {
		return this.jdbc.sql("select * from delivery_choice where application_id = :id for update")
			.param("id", id.value())
			.query(this::delivery)
			.optional();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private Delivery delivery(ResultSet row, int number) throws SQLException {
		return new Delivery(new ApplicationId(row.getObject("application_id", UUID.class)),
				row.getString("tracking_number"), Delivery.Method.valueOf(row.getString("method")),
				row.getString("hall"), row.getString("recipient"), row.getString("phone"), row.getString("address"),
				instant(row, "ready_at"), instant(row, "handed_over_at"), row.getString("handed_over_by"),
				row.getString("courier"), row.getString("courier_tracking_number"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
