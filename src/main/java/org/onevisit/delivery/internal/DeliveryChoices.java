package org.onevisit.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.delivery.Deliveries.Choice;
import org.onevisit.delivery.Delivery;
import org.onevisit.privacy.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The applicants' delivery choices and their hand-offs; an application without a row is
 * delivered electronically only.
 */
@Repository
class DeliveryChoices {

	// a recipient, their phone and their address: sealed, each bound to its column
	private static final String RECIPIENT = "delivery_choice.recipient";

	private static final String PHONE = "delivery_choice.phone";

	private static final String ADDRESS = "delivery_choice.address";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	DeliveryChoices(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	Optional<Delivery> find(ApplicationId id) {
		return one(id, "");
	}

	/** The delivery, locked until the transaction ends. */
	Optional<Delivery> lock(ApplicationId id) {
		return one(id, " for update");
	}

	// the lock clause is a constant of this class, never input
	private Optional<Delivery> one(ApplicationId id, String lock) {
		return this.jdbc.sql("select * from delivery_choice where application_id = :id" + lock)
			.param("id", id.value())
			.query(this::delivery)
			.optional();
	}

	/** The applicant's choice replaces any earlier one. */
	void choose(ApplicationId id, String trackingNumber, Choice choice, String by, Instant at) {
		this.jdbc.sql("""
				insert into delivery_choice (application_id, tracking_number, method, hall, recipient, phone, address,
				    chosen_by, chosen_at)
				values (:id, :tracking, :method, :hall, :recipient, :phone, :address, :by, :at)
				on conflict (application_id) do update set method = excluded.method, hall = excluded.hall,
				    recipient = excluded.recipient, phone = excluded.phone, address = excluded.address,
				    chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at
				""")
			.param("id", id.value())
			.param("tracking", trackingNumber)
			.param("method", choice.method().name())
			// a pickup has no address, a delivery no hall: typed even when null (ADR 18)
			.param("hall", choice.hallCode(), Types.VARCHAR)
			.param("recipient", this.personalData.seal(choice.recipient(), RECIPIENT), Types.VARCHAR)
			.param("phone", this.personalData.seal(choice.phone(), PHONE), Types.VARCHAR)
			.param("address", this.personalData.seal(choice.address(), ADDRESS), Types.VARCHAR)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Pick-ups and couriers not handed over yet, ready or not. */
	List<Delivery> notHandedOver() {
		return this.jdbc.sql("""
				select * from delivery_choice where handed_over_at is null and method <> 'ELECTRONIC'
				""").query(this::delivery).list();
	}

	void saveHandOver(Delivery handedOver) {
		this.jdbc.sql("""
				update delivery_choice set handed_over_at = :at, handed_over_by = :by, courier = :courier,
				    courier_tracking_number = :tracking, ready_at = :ready
				where application_id = :id
				""")
			.param("at", Timestamp.from(handedOver.handedOverAt()))
			.param("by", handedOver.handedOverBy())
			.param("ready", Timestamp.from(handedOver.readyAt()))
			.param("courier", handedOver.courier())
			.param("tracking", handedOver.courierTrackingNumber())
			.param("id", handedOver.application().value())
			.update();
	}

	private Delivery delivery(ResultSet row, int number) throws SQLException {
		return new Delivery(new ApplicationId(row.getObject("application_id", UUID.class)),
				row.getString("tracking_number"), Delivery.Method.valueOf(row.getString("method")),
				row.getString("hall"), this.personalData.open(row.getString("recipient"), RECIPIENT),
				this.personalData.open(row.getString("phone"), PHONE),
				this.personalData.open(row.getString("address"), ADDRESS), instant(row, "ready_at"),
				instant(row, "handed_over_at"), row.getString("handed_over_by"), row.getString("courier"),
				row.getString("courier_tracking_number"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
