package org.onevisit.partners.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' webhooks after Standard Webhooks 1.0: subscriptions to the events of the
 * matters a partner filed, an outbox of deliveries, each signed with SM2 by the
 * {@code webhooks} key ({@code webhook-signature: sm2v1,<base64 DER>} over
 * {@code id.timestamp.body}), retried with exponential backoff for three days, every
 * attempt logged, any delivery replayable. Payloads name the matter (id, tracking number,
 * mandate), never a person.
 */
@Component
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	/** The events a partner may subscribe to. */
	public static final Set<String> EVENT_TYPES = Set.of("application.filed", "application.supplement_requested",
			"application.approved", "application.rejected", "application.paid", "licence.issued",
			"application.delivered");

	/**
	 * The version tag of the signature: SM2 with SM3 over the Standard Webhooks content.
	 */
	public static final String SIGNATURE_VERSION = "sm2v1";

	static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

	// one node sends a claimed delivery; another takes it over if this one dies
	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration LONGEST_WAIT = Duration.ofHours(6);

	private final JdbcClient jdbc;

	private final Signer signer;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration firstRetry;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final WebhookTargets targets;

	Webhooks(JdbcClient jdbc, Signer signer, JsonMapper json, Clock clock,
			@Value("${onevisit.partners.webhooks.first-retry:PT30S}") Duration firstRetry, WebhookTargets targets) {
		this.targets = targets;
		this.jdbc = jdbc;
		this.signer = signer;
		this.json = json;
		this.clock = clock;
		this.firstRetry = firstRetry;
	}

	public record Subscription(UUID id, String url, List<String> events, Instant createdAt) {
	}

	public record Delivery(String id, String eventType, UUID applicationId, String state, int attempts,
			Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, List<Attempt> log) {
	}

	public record Attempt(Instant at, Integer status, String error) {
	}

	/** The partner subscribes the URL to these events of the matters it files. */
	@Transactional
	public Subscription subscribe(String partnerClientId, String url, List<String> events) {
		List<String> types = (events != null) ? events.stream().distinct().toList() : List.of();
		WebhookTargets.Refusal refusal = this.targets.refusal(url);
		if (types.isEmpty() || !EVENT_TYPES.containsAll(types) || refusal == WebhookTargets.Refusal.INVALID) {
			throw WebhookRefused.invalid();
		}
		if (refusal != null) {
			throw WebhookRefused.targetNotPublic();
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into partners_webhook_subscription (id, partner_client_id, url, event_types, created_at) "
					+ "values (:id, :partner, :url, :types, :at)")
			.param("id", id)
			.param("partner", partnerClientId)
			.param("url", url.strip())
			.param("types", types.toArray(String[]::new))
			.param("at", Timestamp.from(now))
			.update();
		return new Subscription(id, url.strip(), types, now);
	}

	public List<Subscription> subscriptions(String partnerClientId) {
		return this.jdbc
			.sql("select id, url, event_types, created_at from partners_webhook_subscription "
					+ "where partner_client_id = :partner and active order by created_at")
			.param("partner", partnerClientId)
			.query((row, n) -> new Subscription(row.getObject("id", UUID.class), row.getString("url"),
					Arrays.asList((String[]) row.getArray("event_types").getArray()),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Puts a delivery in the outbox for every subscription of every partner that filed
	 * the matter (named by its id or its tracking number).
	 */
	@Transactional
	void enqueue(String eventType, UUID applicationId, String trackingNumber, Instant at) {
		List<Map<String, Object>> filings = this.jdbc
			.sql("select distinct a.partner_client_id, a.application_id, a.tracking_number, a.mandate_id "
					+ "from partners_action a where a.action = 'FILED' and "
					+ "(a.application_id = :application or a.tracking_number = :tracking)")
			.param("application", applicationId)
			.param("tracking", trackingNumber, Types.VARCHAR)
			.query()
			.listOfRows();
		for (Map<String, Object> filing : filings) {
			String partner = (String) filing.get("partner_client_id");
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("applicationId", String.valueOf(filing.get("application_id")));
			data.put("trackingNo", filing.get("tracking_number"));
			data.put("mandateId", String.valueOf(filing.get("mandate_id")));
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("type", eventType);
			payload.put("timestamp", at.toString());
			payload.put("data", data);
			String body = this.json.writeValueAsString(payload);
			for (Subscription subscription : subscriptions(partner)) {
				if (!subscription.events().contains(eventType)
						|| ("application.filed".equals(eventType) && alreadyFiled(subscription, filing))) {
					continue;
				}
				Instant now = this.clock.instant();
				this.jdbc
					.sql("insert into partners_webhook_delivery (id, subscription_id, partner_client_id, event_type, "
							+ "application_id, payload, created_at, give_up_at, next_attempt_at, state) values (:id, "
							+ ":subscription, :partner, :type, :application, :payload, :at, :giveUp, :at, 'PENDING')")
					.param("id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
					.param("subscription", subscription.id())
					.param("partner", partner)
					.param("type", eventType)
					.param("application", filing.get("application_id"))
					.param("payload", body)
					.param("at", Timestamp.from(now))
					.param("giveUp", Timestamp.from(now.plus(GIVE_UP_AFTER)))
					.update();
			}
		}
	}

	private boolean alreadyFiled(Subscription subscription, Map<String, Object> filing) {
		return this.jdbc
			.sql("select count(*) from partners_webhook_delivery where subscription_id = :subscription "
					+ "and event_type = 'application.filed' and application_id = :application")
			.param("subscription", subscription.id())
			.param("application", filing.get("application_id"))
			.query(Integer.class)
			.single() > 0;
	}

	/** Sends what is due; each node claims its own deliveries (SKIP LOCKED). */
	@Scheduled(fixedDelayString = "${onevisit.partners.webhooks.poll-interval:PT5S}")
	public void deliverDue() {
		Instant now = this.clock.instant();
		List<String> due = this.jdbc
			.sql("update partners_webhook_delivery set next_attempt_at = :lease where id in "
					+ "(select id from partners_webhook_delivery where state = 'PENDING' and next_attempt_at <= :now "
					+ "order by next_attempt_at limit 20 for update skip locked) returning id")
			.param("lease", Timestamp.from(now.plus(LEASE)))
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list();
		due.forEach(this::attempt);
	}

	private void attempt(String id) {
		Map<String, Object> row = this.jdbc
			.sql("select d.payload, d.attempts, d.give_up_at, s.url from partners_webhook_delivery d "
					+ "join partners_webhook_subscription s on s.id = d.subscription_id where d.id = :id")
			.param("id", id)
			.query()
			.singleRow();
		String body = (String) row.get("payload");
		Integer status = null;
		String error = null;
		try {
			// the name may resolve elsewhere than when it was subscribed
			WebhookTargets.Refusal refusal = this.targets.refusal((String) row.get("url"));
			if (refusal != null) {
				throw new IOException("not delivered: the target is " + refusal.name().toLowerCase(Locale.ROOT)
						+ " (not an https address on the public internet)");
			}
			long timestamp = this.clock.instant().getEpochSecond();
			byte[] content = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
			Signer.Signed signed = this.signer.sign(KeyName.WEBHOOKS, content);
			HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create((String) row.get("url")))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.header("webhook-id", id)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature",
						SIGNATURE_VERSION + "," + Base64.getEncoder().encodeToString(signed.signature()))
				.header("webhook-key-id", signed.keyId())
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
		}
		catch (IOException | RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		record(id, ((Number) row.get("attempts")).intValue() + 1, ((Timestamp) row.get("give_up_at")).toInstant(),
				status, error);
	}

	private void record(String id, int attempts, Instant giveUpAt, Integer status, String error) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into partners_webhook_attempt (delivery_id, at, status, error) values (:id, :at, :status, "
					+ ":error)")
			.param("id", id)
			.param("at", Timestamp.from(now))
			.param("status", status)
			.param("error", (error != null && error.length() > 500) ? error.substring(0, 500) : error)
			.update();
		if (status != null && status >= 200 && status < 300) {
			this.jdbc
				.sql("update partners_webhook_delivery set state = 'DELIVERED', attempts = :attempts, "
						+ "delivered_at = :at, next_attempt_at = null where id = :id")
				.param("attempts", attempts)
				.param("at", Timestamp.from(now))
				.param("id", id)
				.update();
			return;
		}
		// 30 s, 1 min, 2 min, ... at most 6 h apart, for three days
		Duration wait = this.firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
		if (wait.compareTo(LONGEST_WAIT) > 0) {
			wait = LONGEST_WAIT;
		}
		Instant next = now.plus(wait);
		boolean givingUp = next.isAfter(giveUpAt);
		this.jdbc
			.sql("update partners_webhook_delivery set state = :state, attempts = :attempts, "
					+ "next_attempt_at = :next where id = :id")
			.param("state", givingUp ? "FAILED" : "PENDING")
			.param("attempts", attempts)
			.param("next", givingUp ? null : Timestamp.from(next))
			.param("id", id)
			.update();
		log.info("Webhook {} not delivered (attempt {}): {}", id, attempts, (status != null) ? status : error);
	}

	/** The partner's deliveries, newest first, with their attempts. */
	public List<Delivery> deliveries(String partnerClientId) {
		return this.jdbc
			.sql("select id, event_type, application_id, state, attempts, created_at, next_attempt_at, delivered_at "
					+ "from partners_webhook_delivery where partner_client_id = :partner order by created_at desc "
					+ "limit 200")
			.param("partner", partnerClientId)
			.query((row, n) -> new Delivery(row.getString("id"), row.getString("event_type"),
					row.getObject("application_id", UUID.class), row.getString("state"), row.getInt("attempts"),
					row.getTimestamp("created_at").toInstant(), instant(row.getTimestamp("next_attempt_at")),
					instant(row.getTimestamp("delivered_at")), attempts(row.getString("id"))))
			.list();
	}

	private List<Attempt> attempts(String delivery) {
		return this.jdbc
			.sql("select at, status, error from partners_webhook_attempt where delivery_id = :id order by id")
			.param("id", delivery)
			.query((row, n) -> new Attempt(row.getTimestamp("at").toInstant(), (Integer) row.getObject("status"),
					row.getString("error")))
			.list();
	}

	/** Sends the delivery again now (a new three days if it had been given up). */
	@Transactional
	public void replay(String partnerClientId, String deliveryId) {
		Instant now = this.clock.instant();
		int changed = this.jdbc
			.sql("update partners_webhook_delivery set state = 'PENDING', next_attempt_at = :now, "
					+ "give_up_at = greatest(give_up_at, :giveUp) where id = :id and partner_client_id = :partner")
			.param("now", Timestamp.from(now))
			.param("giveUp", Timestamp.from(now.plus(GIVE_UP_AFTER)))
			.param("id", deliveryId)
			.param("partner", partnerClientId)
			.update();
		if (changed == 0) {
			throw WebhookRefused.notFound();
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
