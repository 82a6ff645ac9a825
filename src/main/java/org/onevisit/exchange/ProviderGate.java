package org.onevisit.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.shared.SigningKey;
import org.onevisit.shared.Sm3;
import org.onevisit.shared.VerifyingKey;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider side of the exchange, run by each registry in front of its data (the role
 * of X-Road's security server): admits a request only if the platform signed its exact
 * bytes, its id was not seen before, its timestamp is within the window and every query
 * is within the access rules; signs the answer, bound to the request by its hash.
 */
public final class ProviderGate {

	public static final String KEY_HEADER = "X-OneVisit-Key-Id";

	public static final String SIGNATURE_HEADER = "X-OneVisit-Signature";

	private final String registry;

	private final PlatformKeys platformKeys;

	private final SigningKey registryKey;

	private final AccessRules rules;

	private final Clock clock;

	private final Duration window;

	private final JsonMapper json;

	private final ReplayMemory seen;

	public ProviderGate(String registry, PlatformKeys platformKeys, SigningKey registryKey, AccessRules rules,
			Clock clock, Duration window, JsonMapper json) {
		this(registry, platformKeys, registryKey, rules, clock, window, json, new InMemory(clock));
	}

	/**
	 * A gate that remembers the request ids it admitted where the registry keeps them
	 * (e.g. its database, so that a replay is refused after its restart too).
	 */
	public ProviderGate(String registry, PlatformKeys platformKeys, SigningKey registryKey, AccessRules rules,
			Clock clock, Duration window, JsonMapper json, ReplayMemory seen) {
		this.seen = seen;
		this.registry = registry;
		this.platformKeys = platformKeys;
		this.registryKey = registryKey;
		this.rules = rules;
		this.clock = clock;
		this.window = window;
		this.json = json;
	}

	/** The request, if it may be answered; otherwise why not. */
	public RegistryRequest admit(byte[] body, String keyId, String signature) {
		RegistryRequest request = signed(body, keyId, signature, RegistryRequest.class, "not a registry request");
		if (request.requestId() == null || request.timestamp() == null || request.queries() == null
				|| request.queries().isEmpty()) {
			throw ExchangeRefused.malformed("a request has an id, a timestamp and at least one query");
		}
		admitOnce(request.requestId(), request.timestamp());
		for (RegistryRequest.Query query : request.queries()) {
			if (query.scan() && query.where() == null) {
				throw ExchangeRefused.malformed("a query about everyone needs a condition");
			}
			if (!this.rules.allows(query.consumer(), query.element(), query.item())) {
				throw ExchangeRefused.forbidden(query);
			}
		}
		return request;
	}

	/**
	 * The update, if it may be applied: signed by the platform, its envelope not seen
	 * before and within the window, its change one this registry holds and the item's
	 * catalogue entry writes; otherwise why not. The update id itself is the registry's
	 * to apply once.
	 */
	public RegistryUpdate admitUpdate(byte[] body, String keyId, String signature) {
		RegistryUpdate update = signed(body, keyId, signature, RegistryUpdate.class, "not a registry update");
		if (update.requestId() == null || update.timestamp() == null || update.updateId() == null
				|| update.change() == null) {
			throw ExchangeRefused.malformed("an update has an id, an envelope id, a timestamp and a change");
		}
		admitOnce(update.requestId(), update.timestamp());
		if (!update.change().registry().equals(this.registry)
				|| !this.rules.allows(update.consumer(), RegistryUpdate.writeElement(update.change()), update.item())) {
			throw ExchangeRefused.mayNotWrite(update);
		}
		return update;
	}

	/**
	 * The body read as the type once its signature is the platform's; a body that is not
	 * one is malformed, as {@code what} says.
	 */
	private <T> T signed(byte[] body, String keyId, String signature, Class<T> type, String what) {
		verify(body, keyId, signature);
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw ExchangeRefused.malformed(what + ": " + ex.getOriginalMessage());
		}
	}

	private void verify(byte[] body, String keyId, String signature) {
		if (signature == null || keyId == null
				|| !this.platformKeys.key(keyId).map((key) -> key.verifies(body, signature)).orElse(false)) {
			throw ExchangeRefused.badSignature();
		}
	}

	private void admitOnce(String requestId, String timestamp) {
		Instant now = this.clock.instant();
		Instant at;
		try {
			at = Instant.parse(timestamp);
		}
		catch (DateTimeParseException ex) {
			throw ExchangeRefused.malformed("timestamp is not ISO-8601: " + timestamp);
		}
		if (at.isBefore(now.minus(this.window)) || at.isAfter(now.plus(this.window))) {
			throw ExchangeRefused.outsideWindow(timestamp);
		}
		// an older request is refused by its timestamp anyway
		if (!this.seen.firstTime(requestId, at.plus(this.window))) {
			throw ExchangeRefused.replayed(requestId);
		}
	}

	/** The signed answer to the request whose exact bytes are given. */
	public Signed answer(byte[] requestBody, List<RegistryAnswer.Result> results) {
		RegistryAnswer answer = new RegistryAnswer(HexFormat.of().formatHex(Sm3.hash(requestBody)), this.registry,
				this.clock.instant().toString(), results);
		byte[] body = this.json.writeValueAsBytes(answer);
		return new Signed(body, this.registryKey.id(), Base64.getEncoder().encodeToString(this.registryKey.sign(body)));
	}

	/**
	 * The platform's exchange keys this registry trusts, by id: the one that signs now
	 * and, during a rotation's overlap, the one before.
	 */
	@FunctionalInterface
	public interface PlatformKeys {

		Optional<VerifyingKey> key(String keyId);

	}

	/** Bytes as sent, with the signer's key id and the Base64 DER signature. */
	public record Signed(byte[] body, String keyId, String signature) {
	}

	/**
	 * The request ids a gate admitted, each until it falls out of the clock window.
	 */
	@FunctionalInterface
	public interface ReplayMemory {

		/**
		 * Whether the id is seen for the first time; remembered until then, at least.
		 */
		boolean firstTime(String requestId, Instant forgetAfter);

	}

	/** In memory: forgotten when the registry's process ends. */
	static final class InMemory implements ReplayMemory {

		private final Map<String, Instant> seen = new ConcurrentHashMap<>();

		private final Clock clock;

		private volatile Instant lastSweep = Instant.EPOCH;

		InMemory(Clock clock) {
			this.clock = clock;
		}

		@Override
		public boolean firstTime(String requestId, Instant forgetAfter) {
			Instant now = this.clock.instant();
			// a sweep costs a pass over every id in the window: at most once a second
			if (now.isAfter(this.lastSweep.plusSeconds(1))) {
				this.lastSweep = now;
				this.seen.values().removeIf((until) -> until.isBefore(now));
			}
			return this.seen.putIfAbsent(requestId, forgetAfter) == null;
		}

	}

}
