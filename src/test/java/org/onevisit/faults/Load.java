package org.onevisit.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady load of a citizen filing for a certificate of no criminal record (无犯罪记录证明: the
 * applicant's data fetched from the population registry after the commit, a signed
 * licence issued at the approval) and of the police reviewer approving it, spread over
 * the nodes as a load balancer would. A request that gets no answer, or a 5xx, is retried
 * on the next node with the same {@code Idempotency-Key} (filings) or the same task
 * version (decisions), as a careful client does; only a 201 counts as acknowledged.
 * <p>
 * Not the flat transfer: a second matter on a flat is refused while one is open
 * ({@code duplicate_matter}), its parties must confirm, and an approved one moves the
 * flat to the buyer, so each filing needs a flat of its own, which the property registry
 * of each node's JVM would have to register alike.
 */
final class Load {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Node> nodes;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** applicant1's resident ID: the certificate is issued only about the filer. */
	private static final String APPLICANT = "339902198503120016";

	private static final String FILING = """
			{"itemCode":"339900-POLICE-005","applicant":{"residentId":"%s"},
			 "form":{"applicantId":"%s","purpose":"%s"}}
			""";

	private final AtomicInteger next = new AtomicInteger();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	/** Idempotency key to the application id the 201 named. */
	final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	/** Idempotency key to the mark written in its form, unique per filing. */
	final Map<String, String> marks = new ConcurrentHashMap<>();

	final LongAdder requests = new LongAdder();

	final LongAdder failedAttempts = new LongAdder();

	final LongAdder serviceUnavailable = new LongAdder();

	/**
	 * Answers 5xx other than 503 (retried like a 503), and the first one, to be shown.
	 */
	final LongAdder otherServerErrors = new LongAdder();

	final AtomicReference<String> firstServerError = new AtomicReference<>();

	final LongAdder approved = new LongAdder();

	/** Retries answered 409 {@code request_in_progress}: asked again a moment later. */
	final LongAdder inProgress = new LongAdder();

	final LongAdder gaveUp = new LongAdder();

	/**
	 * Matters a node refused (an answer below 500 that was not the expected one): a
	 * client carries on with the next matter, and the first refusal is kept to be shown.
	 */
	final LongAdder refused = new LongAdder();

	final AtomicReference<String> firstRefusal = new AtomicReference<>();

	/**
	 * Attempts answered with any 5xx, and attempts cut off after they were sent (no
	 * answer, but not a refused connection): what a load balancer that only retries
	 * refused connections would pass on to the client. A rolling upgrade must cause none.
	 */
	final LongAdder serverErrors = new LongAdder();

	final LongAdder cutOff = new LongAdder();

	final AtomicReference<String> firstServerErrorOrCut = new AtomicReference<>();

	/**
	 * Attempts whose connection was refused or not made in time (nothing was sent): safe
	 * to send elsewhere.
	 */
	final LongAdder connectionsRefused = new LongAdder();

	/** Requests sent and not yet answered, per node port. */
	private final Map<Integer, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	/** Attempts answered below 500, per node port. */
	private final Map<Integer, LongAdder> answered = new ConcurrentHashMap<>();

	/** The longest single attempt, answered or not, in milliseconds. */
	final LongAccumulator slowest = new LongAccumulator(Long::max, 0);

	/** How long a request is tried again before the client gives up. */
	private final Duration patience;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private ExecutorService clients;

	Load(List<Node> nodes) {
		this(nodes, Duration.ofMinutes(2));
	}

	Load(List<Node> nodes, Duration patience) {
		this.nodes = nodes;
		this.patience = patience;
	}

	/** The form field that carries each filing's mark. */
	static final String MARK_FIELD = "purpose";

	/** The start of the mark of this run's filings, found by {@link Census}. */
	String markPrefix() {
		return "故障测试" + this.run + "-";
	}

	void start(int threads) {
		this.clients = Executors.newFixedThreadPool(threads);
		AtomicInteger sequence = new AtomicInteger();
		for (int t = 0; t < threads; t++) {
			this.clients.submit(() -> {
				while (this.running.get()) {
					try {
						matter(markPrefix() + sequence.incrementAndGet());
					}
					catch (GaveUp ex) {
						this.gaveUp.increment();
					}
					catch (RuntimeException ex) {
						// a client that died here would leave the load stalled unseen
						this.refused.increment();
						this.firstRefusal.compareAndSet(null, ex.getMessage());
						pause();
					}
				}
			});
		}
	}

	void stop() throws InterruptedException {
		this.running.set(false);
		this.clients.shutdown();
		if (!this.clients.awaitTermination(5, TimeUnit.MINUTES)) {
			throw new IllegalStateException("clients did not finish");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Files one matter with this mark and has it approved, outside the running load;
	 * answers the application's id once the filing is acknowledged and decided.
	 */
	String fileAndApprove(String mark) {
		return matter(mark);
	}

	private String matter(String mark) {
		String key = UUID.randomUUID().toString();
		this.marks.put(key, mark);
		HttpResponse<String> filed = retried(() -> post("/api/v1/applications",
				FILING.formatted(APPLICANT, APPLICANT, mark), "applicant1", "Idempotency-Key", key));
		if (filed.statusCode() != 201 && filed.statusCode() != 200) {
			throw new IllegalStateException("filing refused: " + filed.statusCode() + " " + filed.body());
		}
		JsonNode application = JSON.readTree(filed.body());
		this.acknowledged.put(key, application.path("id").asString());
		for (JsonNode task : application.path("tasks")) {
			approve(application.path("id").asString(), task.path("id").asString(), task.path("department").asString());
		}
		this.approved.increment();
		return application.path("id").asString();
	}

	/** Approves every step of a task, each decision naming the version it saw. */
	private void approve(String application, String task, String department) {
		for (int step = 0; step < 10; step++) {
			JsonNode current = taskOf(
					JSON.readTree(retried(() -> get("/api/v1/applications/" + application, "applicant1")).body()),
					task);
			if (current.path("status").asString().equals("APPROVED")) {
				return;
			}
			HttpResponse<String> decided = retried(() -> post("/api/v1/tasks/" + task + "/decisions",
					"{\"decision\":\"APPROVE\",\"taskVersion\":" + current.path("version").asLong() + "}",
					"reviewer-" + department));
			if (decided.statusCode() == 403 && decided.body().contains("same_person_not_allowed")) {
				// 登簿 by another registrar than the one who did 受理
				decided = retried(() -> post("/api/v1/tasks/" + task + "/decisions",
						"{\"decision\":\"APPROVE\",\"taskVersion\":" + current.path("version").asLong() + "}",
						"reviewer-" + department + "2"));
			}
			// 409: the decision (or a retry of it) was already taken; the next look tells
			if (decided.statusCode() != 200 && decided.statusCode() != 409) {
				throw new IllegalStateException("decision refused: " + decided.statusCode() + " " + decided.body());
			}
		}
		throw new IllegalStateException("task " + task + " never approved");
	}

	private static JsonNode taskOf(JsonNode application, String task) {
		for (JsonNode candidate : application.path("tasks")) {
			if (candidate.path("id").asString().equals(task)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no task " + task + " in " + application);
	}

	/**
	 * Tries the request on node after node until one answers below 500, for its patience.
	 */
	private HttpResponse<String> retried(Supplier<HttpRequest> request) {
		long deadline = System.nanoTime() + this.patience.toNanos();
		while (System.nanoTime() < deadline) {
			this.requests.increment();
			long sent = System.nanoTime();
			HttpRequest attempt = request.get();
			AtomicInteger pending = this.inFlight.computeIfAbsent(attempt.uri().getPort(),
					(port) -> new AtomicInteger());
			pending.incrementAndGet();
			try {
				HttpResponse<String> response = this.client.send(attempt, HttpResponse.BodyHandlers.ofString());
				this.slowest.accumulate((System.nanoTime() - sent) / 1_000_000);
				if (response.statusCode() < 500) {
					this.answered.computeIfAbsent(attempt.uri().getPort(), (port) -> new LongAdder()).increment();
				}
				else {
					this.serverErrors.increment();
					this.firstServerErrorOrCut.compareAndSet(null, attempt.method() + " " + attempt.uri() + ": "
							+ response.statusCode() + " " + response.body());
				}
				if (response.statusCode() == 409 && response.body().contains("\"request_in_progress\"")) {
					// the first attempt with this key is still being worked on (its
					// answer
					// was lost or is late): the answer says to look again later
					this.inProgress.increment();
				}
				else if (response.statusCode() < 500) {
					return response;
				}
				if (response.statusCode() == 503) {
					this.serviceUnavailable.increment();
				}
				else if (response.statusCode() >= 500) {
					this.otherServerErrors.increment();
					this.firstServerError.compareAndSet(null, response.statusCode() + " " + attempt.method() + " "
							+ attempt.uri() + " " + response.body());
				}
			}
			catch (ConnectException | HttpConnectTimeoutException ex) {
				// refused, or not connected in time: nothing was sent, so retried
				this.slowest.accumulate((System.nanoTime() - sent) / 1_000_000);
				this.connectionsRefused.increment();
			}
			catch (IOException ex) {
				// sent, and no answer (the node died, or the attempt timed out):
				// unacknowledged, so retried
				this.slowest.accumulate((System.nanoTime() - sent) / 1_000_000);
				this.cutOff.increment();
				this.firstServerErrorOrCut.compareAndSet(null, attempt.method() + " " + attempt.uri() + ": " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GaveUp();
			}
			finally {
				pending.decrementAndGet();
			}
			this.failedAttempts.increment();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new GaveUp();
			}
		}
		throw new GaveUp();
	}

	private HttpRequest get(String path, String user) {
		return builder(path, user).GET().build();
	}

	private HttpRequest post(String path, String json, String user, String... headers) {
		HttpRequest.Builder builder = builder(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder.build();
	}

	private HttpRequest.Builder builder(String path, String user) {
		Node node = this.nodes.get(Math.floorMod(this.next.getAndIncrement(), this.nodes.size()));
		return HttpRequest.newBuilder(URI.create(node.base() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + this.tokens.computeIfAbsent(user, this::token));
	}

	/** Requests sent to this node and not yet answered. */
	int inFlight(Node node) {
		AtomicInteger pending = this.inFlight.get(URI.create(node.base()).getPort());
		return (pending != null) ? pending.get() : 0;
	}

	/** Attempts this node answered below 500. */
	long answered(Node node) {
		LongAdder count = this.answered.get(URI.create(node.base()).getPort());
		return (count != null) ? count.sum() : 0;
	}

	/** A bearer token for a demo account, from whichever node answers. */
	String bearer(String user) {
		return "Bearer " + this.tokens.computeIfAbsent(user, this::token);
	}

	private String token(String user) {
		for (Node node : this.nodes) {
			try {
				return tokenFrom(this.client, node, user);
			}
			catch (GaveUp ex) {
				// try the next node
			}
		}
		throw new GaveUp();
	}

	/** A bearer token for a demo account from this node, after any node of a load. */
	static String bearerFrom(Node node, String user) {
		return "Bearer " + tokenFrom(HttpClient.newHttpClient(), node, user);
	}

	private static String tokenFrom(HttpClient client, Node node, String user) {
		try {
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/auth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user
							+ "\",\"password\":\"onevisit-demo\",\"otp\":\"" + org.onevisit.DemoTotp.now() + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				return JSON.readTree(response.body()).path("access_token").asString();
			}
		}
		catch (IOException ex) {
			// not answering
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new GaveUp();
	}

	/** A request that no node answered within two minutes. */
	static final class GaveUp extends RuntimeException {

	}

}
