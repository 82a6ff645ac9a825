package org.onevisit.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 3 of docs/reliability.md: the marriage registry (a real HTTP server on a loopback
 * port) is down for a minute and then slow, while citizens keep filing the flat transfer,
 * which needs its data. Filing goes on; the materials wait as 待获取 and are fetched once
 * the registry is back; the circuit breaker opens and closes, as the Prometheus metrics
 * show. Run with {@code ./mvnw -Pfaults test -Dtest=RegistryOutageFaultTest}.
 */
@Tag("fault")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.exchange.retry-interval=PT5S", "logging.level.org.onevisit=warn" })
class RegistryOutageFaultTest {

	private static final Pattern STATE = Pattern
		.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"marriage\"[^}]*state=\"([a-z_]+)\"[^}]*} 1\\.0");

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	@Test
	void filingGoesOnWhileARegistryIsDownThenSlowAndItsDataArrivesAfterwards() throws Exception {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		String applicant = matters.bearer("applicant1");
		String admin = matters.bearer("admin1");
		List<Filed> filings = Collections.synchronizedList(new ArrayList<>());
		List<String> states = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean filing = new AtomicBoolean(true);
		AtomicInteger unconfirmed = new AtomicInteger();
		AtomicBoolean sampling = new AtomicBoolean(true);
		String run = UUID.randomUUID().toString().substring(0, 8);

		Thread citizens = new Thread(() -> {
			int n = 0;
			while (filing.get()) {
				long start = System.nanoTime();
				HttpResponse<String> response = http.postJson("/api/v1/applications",
						Matters.flatTransfer(Matters.mintFlat(this.server.registries()).certificateNo(),
								"故障测试路" + run + "-" + ++n + "号"),
						"Authorization", applicant, "Idempotency-Key", UUID.randomUUID().toString());
				filings.add(new Filed(response.statusCode(), (System.nanoTime() - start) / 1_000_000,
						(response.statusCode() == 201) ? OneVisitHttp.json(response).path("id").asString() : null));
				if (response.statusCode() == 201) {
					// only a matter its parties confirmed is submitted and has its
					// evidence fetched: 王芳 and the buyer confirm
					try {
						matters.confirmAsParties(OneVisitHttp.json(response));
					}
					catch (RuntimeException ex) {
						unconfirmed.incrementAndGet();
					}
				}
				pause(250);
			}
		});
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				Matcher state = STATE.matcher(http.get("/actuator/prometheus", "Authorization", admin).body());
				states.add(state.find() ? state.group(1) : "none");
				pause(500);
			}
		});
		citizens.start();
		sampler.start();
		try {
			Thread.sleep(10_000);
			this.server.registries().stop("marriage");
			Thread.sleep(60_000);
			int filedWhileDown = filings.size();
			long pendingAtRecovery = pending(filings);
			this.server.registries().slowDown("marriage", Duration.ofMillis(1500));
			this.server.registries().start("marriage");
			Thread.sleep(30_000);
			this.server.registries().slowDown("marriage", Duration.ZERO);
			Thread.sleep(10_000);
			filing.set(false);
			citizens.join();

			long waitStart = System.nanoTime();
			while (pending(filings) > 0 && System.nanoTime() - waitStart < Duration.ofMinutes(2).toNanos()) {
				Thread.sleep(1000);
			}
			Duration caughtUp = Duration.ofNanos(System.nanoTime() - waitStart);
			Thread.sleep(2_000);
			sampling.set(false);
			sampler.join();

			long[] latencies = filings.stream().mapToLong(Filed::millis).sorted().toArray();
			System.out.printf(
					"FAULT registry-outage: %d filings (%d while the registry was down), %d answered 201; filing p50 %d ms,"
							+ " p99 %d ms, max %d ms; %d matters waiting for the registry when it came back, %d left"
							+ " %d s after the load ended; breaker states seen in /actuator/prometheus: %s%n",
					filings.size(), filedWhileDown, filings.stream().filter((filed) -> filed.status() == 201).count(),
					latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)],
					latencies[latencies.length - 1], pendingAtRecovery, pending(filings), caughtUp.toSeconds(),
					sequence(states));

			assertThat(filings).allSatisfy((filed) -> assertThat(filed.status()).isEqualTo(201));
			assertThat(unconfirmed).as("matters whose parties could not confirm").hasValue(0);
			assertThat(pendingAtRecovery).as("materials waiting while the registry was down").isPositive();
			assertThat(pending(filings)).as("materials still waiting").isZero();
			// half-open lasts as long as its two trial calls: the samples may not catch
			// it
			assertThat(sequence(states)).containsSubsequence("closed", "open", "closed");
			assertThat(states.get(states.size() - 1)).isEqualTo("closed");
		}
		finally {
			filing.set(false);
			sampling.set(false);
			this.server.registries().slowDown("marriage", Duration.ZERO);
			this.server.registries().start("marriage");
		}
	}

	/**
	 * The run's filings (by the ids their answers gave: forms are sealed, so the address
	 * cannot be searched) whose materials still wait for a registry.
	 */
	private long pending(List<Filed> filings) {
		List<UUID> ids;
		synchronized (filings) {
			ids = filings.stream().map(Filed::id).filter((id) -> id != null).map(UUID::fromString).toList();
		}
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				select count(*) from applications_application
				where id in (:ids) and materials @> '[{"state": "PENDING_FETCH"}]'
				""").param("ids", ids).query(Long.class).single();
	}

	/** The breaker's states in the order seen, each run of one state once. */
	private static List<String> sequence(List<String> states) {
		List<String> sequence = new ArrayList<>();
		for (String state : states) {
			if (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(state)) {
				sequence.add(state);
			}
		}
		return sequence;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Filed(int status, long millis, String id) {
	}

}
