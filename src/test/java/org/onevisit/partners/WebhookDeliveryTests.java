package org.onevisit.partners;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Partners;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks of a partner's matters: delivered to a local receiver with the Standard
 * Webhooks headers, signed with SM2 by the webhooks key and verified as docs/partners.md
 * says, retried after the receiver failed, logged, and replayed on the partner's request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTests {

	@Autowired
	OneVisitServer server;

	Partners partners;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failuresLeft = new AtomicInteger(1);

	record Received(String id, String timestamp, String signature, String keyId, String body) {
	}

	@BeforeEach
	void aReceiverThatFailsOnce() throws IOException {
		this.partners = new Partners(this.server.port());
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					exchange.getRequestHeaders().getFirst("webhook-key-id"), new String(body, StandardCharsets.UTF_8)));
			int status = (this.failuresLeft.getAndDecrement() > 0) ? 500 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
	}

	@Test
	void deliversSignedRetriesAfterTheReceiverFailsAndReplaysOnRequest() throws Exception {
		Partners.Client bank = register();
		String token = bearer(bank);
		OneVisitHttp partner = this.server.http();
		HttpResponse<String> subscribed = partner.postJson("/api/v1/partner/webhooks",
				"{\"url\":\"http://127.0.0.1:" + this.receiver.getAddress().getPort()
						+ "/hook\",\"events\":[\"application.filed\",\"application.approved\"]}",
				"Authorization", token);
		assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
		// an unknown event or a plain-http address elsewhere is refused
		assertThat(partner
			.postJson("/api/v1/partner/webhooks",
					"{\"url\":\"http://example.org/hook\",\"events\":[\"application.filed\"]}", "Authorization", token)
			.statusCode()).isEqualTo(400);

		String mandate = this.partners.grant(this.partners.signedIn("applicant1"), bank.clientId(), "flat-transfer",
				"代办过户");
		String body = Matters.flatTransfer(Matters.mintFlat(this.server.registries())).strip();
		body = body.substring(0, body.length() - 1) + ",\"mandateId\":\"" + mandate + "\"}";
		HttpResponse<String> filed = partner.postJson("/api/v1/applications", body, "Authorization", token,
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String application = OneVisitHttp.json(filed).path("id").asString();

		// the first attempt fails (500), the retry holds: the same message twice
		List<Received> attempts = await((all) -> all.size() >= 2);
		assertThat(attempts.get(0).id()).isEqualTo(attempts.get(1).id()).startsWith("msg_");
		Received delivered = attempts.get(1);
		JsonNode payload = JsonMapper.builder().build().readTree(delivered.body());
		assertThat(payload.path("type").asString()).isEqualTo("application.filed");
		assertThat(payload.path("data").path("applicationId").asString()).isEqualTo(application);
		assertThat(payload.path("data").path("mandateId").asString()).isEqualTo(mandate);
		assertThat(delivered.body()).doesNotContain(Matters.SELLER);
		assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivered.timestamp()))).isLessThan(300);

		// verified as docs/partners.md says: the published webhooks key, over
		// id.timestamp.body
		VerifyingKey key = publishedKey(delivered.keyId());
		assertThat(verifies(key, delivered)).isTrue();
		assertThat(verifies(key, new Received(delivered.id(), delivered.timestamp(), delivered.signature(),
				delivered.keyId(), delivered.body().replace(mandate, UUID.randomUUID().toString()))))
			.isFalse();

		// and by the shell example of docs/partners.md, with OpenSSL
		assertThat(verifiesWithOpenSsl(delivered)).isZero();
		assertThat(verifiesWithOpenSsl(new Received(delivered.id(), delivered.timestamp(), delivered.signature(),
				delivered.keyId(), delivered.body().replace(mandate, UUID.randomUUID().toString()))))
			.isNotZero();

		// the partner's log: delivered on the second attempt, after a 500
		JsonNode deliveries = OneVisitHttp
			.json(partner.get("/api/v1/partner/webhooks/deliveries", "Authorization", token));
		JsonNode logged = deliveries.path(0);
		assertThat(logged.path("id").asString()).isEqualTo(delivered.id());
		assertThat(logged.path("state").asString()).isEqualTo("DELIVERED");
		assertThat(logged.path("attempts").asInt()).isEqualTo(2);
		assertThat(logged.path("log").path(0).path("status").asInt()).isEqualTo(500);
		assertThat(logged.path("log").path(1).path("status").asInt()).isEqualTo(204);

		// replayed on request: the same message once more
		assertThat(partner
			.postJson("/api/v1/partner/webhooks/deliveries/" + delivered.id() + "/replay", "{}", "Authorization", token)
			.statusCode()).isEqualTo(202);
		List<Received> replayed = await((all) -> all.size() >= 3);
		assertThat(replayed.get(2).id()).isEqualTo(delivered.id());
		assertThat(verifies(key, replayed.get(2))).isTrue();
		// nobody replays another partner's delivery
		String other = bearer(register());
		assertThat(partner
			.postJson("/api/v1/partner/webhooks/deliveries/" + delivered.id() + "/replay", "{}", "Authorization", other)
			.statusCode()).isEqualTo(404);
	}

	private List<Received> await(Predicate<List<Received>> done) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!done.test(this.received) && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(done.test(this.received)).as("webhooks received: " + this.received).isTrue();
		return List.copyOf(this.received);
	}

	private VerifyingKey publishedKey(String keyId) {
		JsonNode keys = OneVisitHttp.json(this.server.http().get("/api/v1/keys/webhooks"));
		for (JsonNode key : keys) {
			if (key.path("keyId").asString().equals(keyId)) {
				return VerifyingKey.fromHex(key.path("publicKeyHex").asString());
			}
		}
		throw new IllegalStateException("no published webhooks key " + keyId);
	}

	/** Runs docs/examples/verify-webhook.sh on the message; answers its exit status. */
	private int verifiesWithOpenSsl(Received message) throws IOException, InterruptedException {
		String spki = null;
		for (JsonNode key : OneVisitHttp.json(this.server.http().get("/api/v1/keys/webhooks"))) {
			if (key.path("keyId").asString().equals(message.keyId())) {
				spki = key.path("subjectPublicKeyInfo").asString();
			}
		}
		Path body = Files.createTempFile("webhook", ".json");
		try {
			Files.writeString(body, message.body());
			Process verify = new ProcessBuilder("sh", "docs/examples/verify-webhook.sh", spki, message.id(),
					message.timestamp(), message.signature(), body.toString())
				.redirectErrorStream(true)
				.start();
			verify.getInputStream().readAllBytes();
			return verify.waitFor();
		}
		finally {
			Files.delete(body);
		}
	}

	/** The procedure of docs/partners.md. */
	private static boolean verifies(VerifyingKey key, Received message) {
		String[] signature = message.signature().split(",", 2);
		assertThat(signature[0]).isEqualTo("sm2v1");
		byte[] content = (message.id() + "." + message.timestamp() + "." + message.body())
			.getBytes(StandardCharsets.UTF_8);
		return key.verifies(content, Base64.getDecoder().decode(signature[1]));
	}

	/** A bank filing the flat transfer's three departments' items. */
	private Partners.Client register() {
		return this.partners
			.register("name=" + Partners.encode("回调测试银行") + "&kind=BANK&groups=nr&groups=housing&groups=tax");
	}

	private String bearer(Partners.Client client) {
		return this.partners.bearer(client, "file:nr file:housing file:tax");
	}

}
