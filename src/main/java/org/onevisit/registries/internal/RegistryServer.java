package org.onevisit.registries.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.onevisit.exchange.ExchangeRefused;
import org.onevisit.exchange.ProviderGate;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.exchange.RegistryUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * One registry as an HTTP service on a loopback port: {@code POST /exchange} with a
 * signed request, answered through the provider gate from the registry's part of the
 * book, and {@code POST /update} with a signed change an approved matter makes to it. It
 * keeps its port across a stop and a start, as a department's server would.
 */
final class RegistryServer {

	private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);

	/**
	 * The JDK's server writes a response's headers and its body as two packets and, by
	 * default, waits with the body until the client has acknowledged the headers, which
	 * the client delays by up to 40 ms: under load most answers waited those 40 ms. Read
	 * once, when the first server starts.
	 */
	static final String NO_DELAY = "sun.net.httpserver.nodelay";

	static {
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
	}

	private final String registry;

	private final ProviderGate gate;

	private final RegistryBook book;

	private final JsonMapper json;

	private final RegistryWrites writes;

	private final RequestLog requestLog;

	private final TransactionOperations transactions;

	private volatile Duration delay = Duration.ZERO;

	private HttpServer server;

	private ExecutorService workers;

	private int port;

	RegistryServer(String registry, ProviderGate gate, RegistryBook book, RegistryWrites writes, JsonMapper json,
			RequestLog requestLog, TransactionOperations transactions, int port) {
		this.requestLog = requestLog;
		this.transactions = transactions;
		this.registry = registry;
		this.gate = gate;
		this.book = book;
		this.writes = writes;
		this.json = json;
		this.port = port;
	}

	synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 64);
		}
		catch (IOException ex) {
			if (this.port == 0) {
				throw new IllegalStateException("registry " + this.registry + " cannot listen", ex);
			}
			// its old port was taken meanwhile (a paused test context started again,
			// its port reused by a client's socket): a new one, which the exchange is
			// told of
			log.warn("Registry {} cannot listen on its port {} again; takes another", this.registry, this.port);
			this.port = 0;
			start();
			return;
		}
		this.port = this.server.getAddress().getPort();
		this.workers = Executors.newFixedThreadPool(8, (task) -> {
			Thread thread = new Thread(task, "registry-" + this.registry);
			thread.setDaemon(true);
			return thread;
		});
		// answered on the server's own thread: handing each request to a worker and
		// back cost 13–16 % of a pre-fill's CPU. Slowed down for a fault test, it
		// answers from the workers, so that its slowness stays a delay, not a queue
		this.server.setExecutor((exchange) -> {
			if (this.delay.isZero()) {
				exchange.run();
			}
			else {
				this.workers.execute(exchange);
			}
		});
		this.server.createContext("/exchange", this::handle);
		this.server.createContext("/update", this::handleUpdate);
		this.server.start();
	}

	synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.workers.shutdownNow();
			this.server = null;
		}
	}

	synchronized boolean running() {
		return this.server != null;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port + "/");
	}

	void slowDown(Duration delay) {
		this.delay = delay;
	}

	/** Answers an admitted query: each query's records, or a scan's matches. */
	private void handle(HttpExchange exchange) throws IOException {
		serve(exchange, "query", (body, keyId, signature) -> {
			RegistryRequest request = this.gate.admit(body, keyId, signature);
			return new Admitted(request.requestId(),
					request.queries()
						.stream()
						.flatMap((query) -> query.scan() ? scan(query).stream() : Stream.of(answer(query)))
						.toList());
		});
	}

	/**
	 * Applies a signed update admitted by the gate and answers its results, signed and
	 * bound to the update's bytes like an answer to a query: one result naming the change
	 * and the update id, with the results as its one record.
	 */
	private void handleUpdate(HttpExchange exchange) throws IOException {
		serve(exchange, "update", (body, keyId, signature) -> {
			RegistryUpdate update = this.gate.admitUpdate(body, keyId, signature);
			Map<String, String> results = this.writes.apply(update);
			return new Admitted(update.requestId(), List.of(new RegistryAnswer.Result(update.change().name(),
					update.updateId(), RegistryAnswer.Status.FOUND, null, null, List.of(Map.copyOf(results)))));
		});
	}

	/**
	 * What an exchange admitted by the gate is answered with; refused as the gate says.
	 */
	@FunctionalInterface
	private interface Answering {

		Admitted results(byte[] body, String keyId, String signature);

	}

	/** An admitted request's id, as the gate read it, and the results it is answered. */
	private record Admitted(String requestId, List<RegistryAnswer.Result> results) {
	}

	/** What is sent back: the status, the body and, for an answer, its signature. */
	private record Reply(int status, String type, byte[] body, ProviderGate.Signed signed) {
	}

	/**
	 * One exchange ({@code kind} query or update): POST only, the body read, the
	 * operator's delay, then the results signed and bound to the body; a refusal is
	 * answered as a problem, a failure logged and answered 500. Each answer is written to
	 * the registry's own log, in the transaction in which the gate remembered the
	 * request's id: both are durable before the answer leaves, with one commit.
	 */
	private void serve(HttpExchange exchange, String kind, Answering answering) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				send(exchange, 405, "application/problem+json", problem(405, "method_not_allowed", "POST only"), null);
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readNBytes(1_000_000);
			}
			String keyId = exchange.getRequestHeaders().getFirst(ProviderGate.KEY_HEADER);
			String signature = exchange.getRequestHeaders().getFirst(ProviderGate.SIGNATURE_HEADER);
			if (!this.delay.isZero()) {
				Thread.sleep(this.delay.toMillis());
			}
			Reply reply = this.transactions.execute((status) -> reply(kind, body, keyId, signature, answering));
			send(exchange, reply.status(), reply.type(), reply.body(), reply.signed());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.error("Registry {} failed to answer a {}", this.registry, kind, ex);
			send(exchange, 500, "application/problem+json", problem(500, "registry_error", "internal error"), null);
		}
	}

	/** The answer or the refusal, written to the registry's log. */
	private Reply reply(String kind, byte[] body, String keyId, String signature, Answering answering) {
		Admitted admitted;
		try {
			admitted = answering.results(body, keyId, signature);
		}
		catch (ExchangeRefused ex) {
			this.requestLog.record(this.registry, kind, requestIdOf(body), keyId, ex.status(), "REFUSED:" + ex.code(),
					body);
			return new Reply(ex.status(), "application/problem+json", problem(ex.status(), ex.code(), ex.getMessage()),
					null);
		}
		ProviderGate.Signed answer = this.gate.answer(body, admitted.results());
		this.requestLog.record(this.registry, kind, loggable(admitted.requestId()), keyId, 200, "ANSWERED", body);
		return new Reply(200, "application/json", answer.body(), answer);
	}

	/**
	 * The id a refused request claims, read whether or not the gate got that far (an
	 * admitted one's id is the gate's reading).
	 */
	private String requestIdOf(byte[] body) {
		try {
			return loggable(this.json.readTree(body).path("requestId").asString(null));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String loggable(String requestId) {
		return (requestId != null && requestId.length() <= 200) ? requestId : null;
	}

	private RegistryAnswer.Result answer(RegistryRequest.Query query) {
		return this.book.find(query.element(), query.subject())
			.map((entry) -> new RegistryAnswer.Result(query.element(), query.subject(), entry.status(),
					entry.updatedAt().toString(), entry.note(), entry.records()))
			.orElse(new RegistryAnswer.Result(query.element(), query.subject(), RegistryAnswer.Status.NOT_FOUND, null,
					null, List.of()));
	}

	/** Every subject whose record meets the query's condition, and nobody else. */
	private List<RegistryAnswer.Result> scan(RegistryRequest.Query query) {
		return this.book.all(query.element())
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()
				.records()
				.stream()
				.anyMatch((record) -> query.where().matches(record.get(query.where().field()))))
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new RegistryAnswer.Result(query.element(), entry.getKey(), entry.getValue().status(),
					entry.getValue().updatedAt().toString(), entry.getValue().note(), entry.getValue().records()))
			.toList();
	}

	private byte[] problem(int status, String code, String detail) {
		return this.json
			.writeValueAsString(Map.of("type", "about:blank", "status", status, "code", code, "detail", detail))
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body, ProviderGate.Signed signed)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		if (signed != null) {
			exchange.getResponseHeaders().set(ProviderGate.KEY_HEADER, signed.keyId());
			exchange.getResponseHeaders().set(ProviderGate.SIGNATURE_HEADER, signed.signature());
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
