package org.onevisit.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.onevisit.exchange.ProviderGate;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.shared.Sm3;
import org.onevisit.shared.TimeOrderedIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends signed requests to registries over HTTP and checks their signed answers. Each
 * registry has its own circuit breaker, and a registry that cannot be reached is retried
 * with exponential backoff; every attempt is a new request (new id, new timestamp), since
 * the registry refuses an id it has seen.
 */
@Component
class RegistryClient {

	/**
	 * The JDK keeps at most five idle connections per registry by default: with more
	 * applicants than that asking one registry at once, every further connection was
	 * closed after one exchange and opened anew for the next. Read once, at the first
	 * connection kept.
	 */
	static final String KEPT_CONNECTIONS = "http.maxConnections";

	static {
		if (System.getProperty(KEPT_CONNECTIONS) == null) {
			System.setProperty(KEPT_CONNECTIONS, "64");
		}
	}

	private final ConfiguredRegistries directory;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeout;

	private final CircuitBreakerRegistry breakers;

	private final RetryRegistry retries;

	RegistryClient(ConfiguredRegistries directory, JsonMapper json, Clock clock,
			@Value("${onevisit.exchange.timeout:PT2S}") Duration timeout,
			@Value("${onevisit.exchange.breaker.open-for:PT10S}") Duration openFor,
			@Value("${onevisit.exchange.retry.attempts:3}") int attempts,
			@Value("${onevisit.exchange.retry.first-backoff:PT0.1S}") Duration firstBackoff,
			ObjectProvider<MeterRegistry> meters) {
		this.directory = directory;
		this.json = json;
		this.clock = clock;
		this.timeout = timeout;
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(openFor)
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			// only an unreachable registry counts against it: a refusal is an answer
			.recordException(
					(ex) -> ex instanceof ExchangeFailure failure && failure.kind() == ExchangeFailure.Kind.UNAVAILABLE)
			.build());
		this.retries = RetryRegistry
			.of(RetryConfig.custom()
				.maxAttempts(attempts)
				.intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2))
				.retryOnException((ex) -> ex instanceof ExchangeFailure failure
						&& failure.kind() == ExchangeFailure.Kind.UNAVAILABLE
						&& !(ex.getCause() instanceof CallNotPermittedException))
				.build());
		meters.ifAvailable((registry) -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(this.retries).bindTo(registry);
		});
	}

	/** The verified answer, or the failure of the last attempt. */
	Exchanged exchange(String registry, String actor, String reference, String purpose,
			List<RegistryRequest.Query> queries) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(registry);
		Retry retry = this.retries.retry(registry);
		Supplier<Exchanged> attempt = () -> {
			RegistryRequest request = new RegistryRequest(TimeOrderedIds.next().toString(),
					this.clock.instant().toString(), actor, reference, purpose, queries);
			try {
				return breaker.executeSupplier(() -> send(registry, request));
			}
			catch (CallNotPermittedException ex) {
				throw new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, "circuit_open",
						registry + " is failing; not asked until its circuit breaker lets a call through", ex);
			}
		};
		return Retry.decorateSupplier(retry, attempt).get();
	}

	CircuitBreaker.State state(String registry) {
		return this.breakers.circuitBreaker(registry).getState();
	}

	/**
	 * Sends one signed request as it is: for the exchange itself and for tests of the
	 * gate.
	 */
	Exchanged send(String registry, RegistryRequest request) {
		RegistryDirectory.Endpoint endpoint = this.directory.endpoint(registry)
			.orElseThrow(() -> new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, "not_connected",
					"registry " + registry + " is not connected", null));
		byte[] body = this.json.writeValueAsBytes(request);
		String signature = Base64.getEncoder().encodeToString(this.directory.signingKey().sign(body));
		return post(endpoint, request, body, this.directory.signingKey().id(), signature);
	}

	Exchanged post(RegistryDirectory.Endpoint endpoint, RegistryRequest request, byte[] body, String keyId,
			String signature) {
		Response response;
		try {
			response = exchangeOver(endpoint.url().resolve("exchange"), body, keyId, signature);
		}
		catch (IOException ex) {
			throw new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, null,
					endpoint.registry() + " cannot be reached: " + ex, ex);
		}
		if (response.statusCode() >= 500) {
			throw new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, null,
					endpoint.registry() + " answered " + response.statusCode(), null);
		}
		if (response.statusCode() != 200) {
			throw new ExchangeFailure(ExchangeFailure.Kind.REFUSED, problemCode(response.body()),
					endpoint.registry() + " refused the request with " + response.statusCode(), null);
		}
		String answerKey = Objects.requireNonNullElse(response.keyId(), "");
		String answerSignature = Objects.requireNonNullElse(response.signature(), "");
		byte[] answerBody = response.body();
		if (!answerKey.equals(endpoint.key().id()) || !endpoint.key().verifies(answerBody, decode(answerSignature))) {
			throw new ExchangeFailure(ExchangeFailure.Kind.REJECTED, "answer_signature",
					endpoint.registry() + "'s answer does not verify with its key", null);
		}
		RegistryAnswer answer;
		try {
			answer = this.json.readValue(answerBody, RegistryAnswer.class);
		}
		catch (JacksonException ex) {
			throw new ExchangeFailure(ExchangeFailure.Kind.REJECTED, "answer_malformed",
					endpoint.registry() + "'s answer is not readable", ex);
		}
		if (!HexFormat.of().formatHex(Sm3.hash(body)).equals(answer.requestHash())) {
			throw new ExchangeFailure(ExchangeFailure.Kind.REJECTED, "answer_unbound",
					endpoint.registry() + "'s answer is not bound to this request", null);
		}
		return new Exchanged(request, answer, answerBody, answerKey, answerSignature);
	}

	/**
	 * One POST on the calling thread, over a kept-alive connection: the caller waits for
	 * the answer anyway, and reading it on its own thread costs no hand-over to a
	 * selector thread and back, which under load cost more than the exchange's HTTP.
	 */
	private Response exchangeOver(URI url, byte[] body, String keyId, String signature) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
		int millis = (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis());
		connection.setConnectTimeout(millis);
		connection.setReadTimeout(millis);
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setUseCaches(false);
		// not streamed: in streaming mode the JDK drops the body of a 401, the gate's
		// refusal of a bad signature. Unstreamed, the JDK sends a POST once more when a
		// kept-alive connection turns out closed; had the registry read the first, its
		// gate refuses the second as a replay. The timeout bounds each read, not the
		// whole answer
		connection.setRequestProperty("Content-Type", "application/json");
		connection.setRequestProperty(ProviderGate.KEY_HEADER, keyId);
		connection.setRequestProperty(ProviderGate.SIGNATURE_HEADER, signature);
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body);
		}
		int status = connection.getResponseCode();
		InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
		byte[] answer;
		if (in == null) {
			answer = new byte[0];
		}
		else {
			// read to the end and closed: the connection goes back to the pool
			try (in) {
				answer = in.readAllBytes();
			}
		}
		return new Response(status, answer, connection.getHeaderField(ProviderGate.KEY_HEADER),
				connection.getHeaderField(ProviderGate.SIGNATURE_HEADER));
	}

	private record Response(int statusCode, byte[] body, String keyId, String signature) {
	}

	private String problemCode(byte[] body) {
		try {
			JsonNode problem = this.json.readTree(body);
			return problem.path("code").asString(null);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static byte[] decode(String signature) {
		try {
			return Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	/** A verified answer with the bytes and signature kept as evidence. */
	record Exchanged(RegistryRequest request, RegistryAnswer answer, byte[] answerBody, String keyId,
			String signature) {
	}

}
