package org.onevisit.messages.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real SMS gateway client against an operator's HTTP endpoint run in the test: the
 * text goes with the API key, OneVisit's reference as idempotency key, and an HMAC-SM3
 * signature the operator can check; the operator's id for the text is answered.
 */
class HttpSmsGatewayTests {

	private record Received(Map<String, List<String>> headers, String body) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);

	private HttpServer operator;

	private volatile int status = 200;

	@BeforeEach
	void startOperator() throws IOException {
		this.operator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.operator.createContext("/sms/send", (exchange) -> {
			this.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			byte[] answer = "{\"id\":\"OP-42\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.operator.start();
	}

	@AfterEach
	void stopOperator() {
		this.operator.stop(0);
	}

	@Test
	void sendsTheTextSignedWithTheReferenceAndAnswersTheOperatorsId() {
		HttpSmsGateway gateway = gateway();

		String id = gateway.send("13800000001", "您的办件 339900-20261206-000001 已审批通过。", "delivery-1");

		assertThat(id).isEqualTo("OP-42");
		assertThat(this.received).singleElement().satisfies((request) -> {
			JsonNode body = this.json.readTree(request.body());
			assertThat(body.path("mobile").asString()).isEqualTo("13800000001");
			assertThat(body.path("text").asString()).contains("已审批通过");
			assertThat(body.path("reference").asString()).isEqualTo("delivery-1");
			assertThat(request.headers().get("X-api-key")).containsExactly("key-1");
			assertThat(request.headers().get("Idempotency-key")).containsExactly("delivery-1");
			String timestamp = request.headers().get("X-timestamp").get(0);
			assertThat(timestamp).isEqualTo(Long.toString(this.clock.millis()));
			assertThat(request.headers().get("X-signature"))
				.containsExactly(gateway.signature(timestamp, request.body().getBytes(StandardCharsets.UTF_8)));
		});
		// another secret signs differently: the signature proves the account
		assertThat(gateway("other-secret").signature("1", new byte[] { 1 }))
			.isNotEqualTo(gateway.signature("1", new byte[] { 1 }));
	}

	@Test
	void failsWhenTheOperatorRefusesSoThatTheDeliveryIsTriedAgain() {
		this.status = 503;

		assertThatThrownBy(() -> gateway().send("13800000001", "text", "delivery-2"))
			.isInstanceOf(RuntimeException.class);
	}

	private HttpSmsGateway gateway() {
		return gateway("secret-1");
	}

	private HttpSmsGateway gateway(String secret) {
		return new HttpSmsGateway("http://127.0.0.1:" + this.operator.getAddress().getPort() + "/sms/send", "key-1",
				secret, "OneVisit", Duration.ofSeconds(5), this.json, this.clock);
	}

}
