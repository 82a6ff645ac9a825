package org.onevisit.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
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
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.onevisit.exchange.ProviderGate;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.exchange.RegistryUpdate;
import org.onevisit.shared.Sm3;
import org.onevisit.shared.TimeOrderedIds;
import org.onevisit.signing.Signer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends signed requests to registries over HTTP and checks their signed answers. Each
 * registry has its own circuit breaker, and a registry that cannot be reached is retried
 * with exponential backoff; every attempt is a new request (new id, new timestamp), since
 * the registry refuses an id it has seen.
 */
@Component
class RegistryClient implements DisposableBean {

	/**
	 * Connections kept per registry: with more applicants than that asking one registry
	 * at once, a further request waits for a connection rather than opening one that
	 * would be closed after one exchange.
	 */
	static final int CONNECTIONS_PER_REGISTRY = 64;

	private final ConfiguredRegistries directory;

	private final JsonMapper json;

	private final Clock clock;

	private final CircuitBreakerRegistry breakers;

	private final RetryRegistry retries;

	private final CloseableHttpClient http;

	private final RestClient rest;

	RegistryClient(ConfiguredRegistries directory, JsonMapper json, Clock clock,
			@Value("${onevisit.exchange.timeout:PT2S}") Duration timeout,
			@Value("${onevisit.exchange.breaker.open-for:PT10S}") Duration openFor,
			@Value("${onevisit.exchange.retry.attempts:3}") int attempts,
			@Value("${onevisit.exchange.retry.first-backoff:PT0.1S}") Duration firstBackoff,
			ObjectProvider<MeterRegistry> meters) {
		this.directory = directory;
		this.json = json;
		this.clock = clock;
		this.http = httpClient(timeout);
		this.rest = RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory(this.http)).build();
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

	/**
	 * Apache HttpClient 5 over a pool of kept-alive connections, each request on its
	 * caller's thread (the caller waits for the answer anyway; a hand-over to a selector
	 * thread and back cost more than the exchange's HTTP under load). It never sends a
	 * request twice: a POST the registry may have read already would be refused as a
	 * replay, and a registry that cannot be reached is retried by {@link #exchange} with
	 * a new request. The timeout bounds the connect, the wait for a pooled connection and
	 * each read, not the whole answer. No proxy, cookies, redirects or compression:
	 * registries are asked directly and sign the bytes they send.
	 */
	private static CloseableHttpClient httpClient(Duration timeout) {
		Timeout limit = Timeout.of(timeout);
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(CONNECTIONS_PER_REGISTRY)
			.setMaxConnTotal(Integer.MAX_VALUE)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(limit)
				.setSocketTimeout(limit)
				// a connection the registry closed while idle is found out before a
				// request is written to it
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.build();
		return HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
			.disableAutomaticRetries()
			.disableContentCompression()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	/** The verified answer, or the failure of the last attempt. */
	Exchanged exchange(String registry, String actor, String reference, String purpose,
			List<RegistryRequest.Query> queries) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(registry);
		Retry retry = this.retries.retry(registry);
		Supplier<Exchanged> attempt = () -> {
			RegistryRequest request = new RegistryRequest(TimeOrderedIds.next().toString(),
					this.clock.instant().toString(), actor, reference, purpose, queries);
			return through(breaker, registry, () -> send(registry, request));
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
		return signAndPost(registry, "exchange", request, request);
	}

	Exchanged post(RegistryDirectory.Endpoint endpoint, RegistryRequest request, byte[] body, String keyId,
			String signature) {
		return post(endpoint, "exchange", request, body, keyId, signature);
	}

	/**
	 * Sends a signed update to the registry through its circuit breaker, once: a failure
	 * is the outbox's to retry, with a new envelope and the same update id. Answers the
	 * verified answer, whose one result carries what the registry answered.
	 */
	Exchanged update(String registry, RegistryUpdate update) {
		return through(this.breakers.circuitBreaker(registry), registry, () -> sendUpdate(registry, update));
	}

	/**
	 * The call made through the registry's circuit breaker; while the breaker is open the
	 * registry is unavailable, and nothing is sent.
	 */
	private static Exchanged through(CircuitBreaker breaker, String registry, Supplier<Exchanged> call) {
		try {
			return breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, "circuit_open",
					registry + " is failing; not asked until its circuit breaker lets a call through", ex);
		}
	}

	/** Sends one signed update as it is: for the write-back and for tests of the gate. */
	Exchanged sendUpdate(String registry, RegistryUpdate update) {
		return signAndPost(registry, "update", null, update);
	}

	/**
	 * The message signed with the platform's key and posted to the registry's path; the
	 * request, when it is one, is what the answer is checked against.
	 */
	private Exchanged signAndPost(String registry, String path, RegistryRequest request, Object message) {
		RegistryDirectory.Endpoint endpoint = this.directory.endpoint(registry)
			.orElseThrow(() -> new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, "not_connected",
					"registry " + registry + " is not connected", null));
		byte[] body = this.json.writeValueAsBytes(message);
		Signer.Signed signed = this.directory.sign(body);
		return post(endpoint, path, request, body, signed.keyId(),
				Base64.getEncoder().encodeToString(signed.signature()));
	}

	private Exchanged post(RegistryDirectory.Endpoint endpoint, String path, RegistryRequest request, byte[] body,
			String keyId, String signature) {
		Response response;
		try {
			response = exchangeOver(endpoint.url().resolve(path), body, keyId, signature);
		}
		catch (ResourceAccessException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new ExchangeFailure(ExchangeFailure.Kind.UNAVAILABLE, null,
					endpoint.registry() + " cannot be reached: " + cause, ex);
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
		if (!answerKey.equals(endpoint.key().id()) || !endpoint.key().verifies(answerBody, answerSignature)) {
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
	 * One POST, its answer read whatever its status: a refusal's problem code is in the
	 * body of a 401 too.
	 */
	private Response exchangeOver(URI url, byte[] body, String keyId, String signature) {
		return this.rest.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header(ProviderGate.KEY_HEADER, keyId)
			.header(ProviderGate.SIGNATURE_HEADER, signature)
			.body(body)
			.exchange((request, response) -> {
				// read to the end and closed: the connection goes back to the pool
				byte[] answer;
				try (InputStream in = response.getBody()) {
					answer = in.readAllBytes();
				}
				HttpHeaders headers = response.getHeaders();
				return new Response(response.getStatusCode().value(), answer, headers.getFirst(ProviderGate.KEY_HEADER),
						headers.getFirst(ProviderGate.SIGNATURE_HEADER));
			});
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

	/** A verified answer with the bytes and signature kept as evidence. */
	record Exchanged(RegistryRequest request, RegistryAnswer answer, byte[] answerBody, String keyId,
			String signature) {
	}

}
