package org.onevisit.payments.internal;

import java.util.ArrayList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentRefused;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fee orders and the callbacks received for them. */
@Repository
class Payments {

	private static final TypeReference<List<Payment.Line>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Payments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Stores a new order unless the application has one already. */
	void insertIfAbsent(Payment payment) {
		this.jdbc
			.sql("""
					insert into payments_payment (id, application_id, tracking_number, payer, amount, lines, status, created_at)
					values (:id, :application, :tracking, :payer, :amount, cast(:lines as jsonb), 'UNPAID', :at)
					on conflict (application_id) do nothing
					""")
			.param("id", payment.id())
			.param("application", payment.application().value())
			.param("tracking", payment.trackingNumber())
			.param("payer", payment.payer())
			.param("amount", payment.amount())
			.param("lines", this.json.writeValueAsString(payment.lines()))
			.param("at", Timestamp.from(payment.createdAt()))
			.update();
	}

	/**
	 * Puts an item's assessed lines on the application's unpaid order, replacing what
	 * that item assessed before (an approval retried assesses again, never twice), or
	 * opens the order with them. Answers the order as it is then.
	 */
	Payment assess(Payment opened, String itemCode, List<Payment.Line> lines) {
		Optional<Payment> existing = this.jdbc
			.sql("select * from payments_payment where application_id = :key for update")
			.param("key", opened.application().value())
			.query(this::payment)
			.optional();
		if (existing.isEmpty()) {
			insertIfAbsent(opened);
			return ofApplication(opened.application()).orElseThrow();
		}
		Payment order = existing.get();
		if (order.paid()) {
			throw PaymentRefused.alreadyPaid(order.application());
		}
		List<Payment.Line> kept = new ArrayList<>(order.lines()
			.stream()
			.filter((line) -> !(line.assessed() && line.itemCode().equals(itemCode)))
			.toList());
		kept.addAll(lines);
		this.jdbc.sql("update payments_payment set lines = cast(:lines as jsonb), amount = :amount where id = :id")
			.param("id", order.id())
			.param("lines", this.json.writeValueAsString(kept))
			.param("amount", Payment.total(kept))
			.update();
		return ofApplication(opened.application()).orElseThrow();
	}

	Optional<Payment> ofApplication(ApplicationId application) {
		return one("where application_id = :key", application.value());
	}

	Optional<Payment> ofTrackingNumber(String trackingNumber) {
		return one("where tracking_number = :key", trackingNumber);
	}

	Optional<Payment> find(UUID id) {
		return one("where id = :key", id);
	}

	/**
	 * The order, locked until the transaction ends, so that two callbacks apply in turn.
	 */
	Optional<Payment> lock(UUID id) {
		return one("where id = :key for update", id);
	}

	// the condition is a constant of this class, never input
	private Optional<Payment> one(String condition, Object key) {
		return this.jdbc.sql("select * from payments_payment " + condition)
			.param("key", key)
			.query(this::payment)
			.optional();
	}

	/** Records a settled order as paid, unless it already is. */
	void markPaid(Payment paid) {
		this.jdbc
			.sql("""
					update payments_payment set status = 'PAID', provider = :provider, transaction_id = :transaction, paid_at = :at
					where id = :id and status = 'UNPAID'
					""")
			.param("id", paid.id())
			.param("provider", paid.provider())
			.param("transaction", paid.transactionId())
			.param("at", Timestamp.from(paid.paidAt()))
			.update();
	}

	void recordCallback(Instant at, String provider, UUID payment, String keyId, String body, String outcome) {
		this.jdbc.sql("""
				insert into payments_callback (received_at, provider, payment_id, key_id, body, outcome)
				values (:at, :provider, :payment, :key, :body, :outcome)
				""")
			.param("at", Timestamp.from(at))
			.param("provider", provider)
			.param("payment", payment)
			.param("key", keyId)
			.param("body", body)
			.param("outcome", outcome)
			.update();
	}

	private Payment payment(ResultSet row, int number) throws SQLException {
		Timestamp paid = row.getTimestamp("paid_at");
		return new Payment(row.getObject("id", UUID.class),
				new ApplicationId(row.getObject("application_id", UUID.class)), row.getString("tracking_number"),
				row.getString("payer"), row.getBigDecimal("amount"), this.json.readValue(row.getString("lines"), LINES),
				Payment.Status.valueOf(row.getString("status")), row.getString("provider"),
				row.getString("transaction_id"), row.getTimestamp("created_at").toInstant(),
				(paid != null) ? paid.toInstant() : null);
	}

}
