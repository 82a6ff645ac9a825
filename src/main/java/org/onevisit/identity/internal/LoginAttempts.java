package org.onevisit.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.platform.LoginGuard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without locking anyone out. Failures are counted per
 * (account, client address) pair and per client address; once a count passes its free
 * allowance, every further login for that pair or from that address waits a delay that
 * doubles with each failure, up to a cap, even with the right password, so that guessing
 * teaches nothing. Nothing is counted per account alone: bad passwords sent from
 * elsewhere never hold back the account's owner at their own address. The client address
 * is the request's remote address, which Tomcat's RemoteIpValve takes from
 * {@code X-Forwarded-For} only when the peer is a trusted proxy
 * ({@code onevisit.security.trusted-proxies}). Counted per node.
 */
@Component
class LoginAttempts implements LoginGuard {

	// above this many tracked keys, the ones whose back-off has run out are forgotten
	private static final int PRUNE_ABOVE = 100_000;

	private final Clock clock;

	private final Duration firstDelay;

	private final Duration maxDelay;

	private final int perAccount;

	private final int perAddress;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginAttempts(Clock clock, @Value("${onevisit.login.first-delay:PT30S}") Duration firstDelay,
			@Value("${onevisit.login.max-delay:PT15M}") Duration maxDelay,
			@Value("${onevisit.login.per-account:5}") int perAccount,
			@Value("${onevisit.login.per-address:20}") int perAddress) {
		this.clock = clock;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	/** Refuses the attempt while the pair or the address is backing off. */
	@Override
	public void checkAllowed(String username, String address) {
		Instant now = this.clock.instant();
		Duration wait = max(waitFor(pair(username, address), this.perAccount, now),
				waitFor(address(address), this.perAddress, now));
		if (!wait.isZero()) {
			throw new LoginGuard.Refused(wait);
		}
	}

	@Override
	public void failed(String username, String address) {
		Instant now = this.clock.instant();
		if (this.failures.size() > PRUNE_ABOVE) {
			prune(now);
		}
		this.failures.compute(pair(username, address), (key, old) -> Failures.after(old, now));
		this.failures.compute(address(address), (key, old) -> Failures.after(old, now));
	}

	@Override
	public void succeeded(String username, String address) {
		this.failures.remove(pair(username, address));
	}

	/** How long the key still waits: nothing within its allowance. */
	private Duration waitFor(String key, int allowance, Instant now) {
		Failures counted = this.failures.get(key);
		if (counted == null || counted.count() < allowance) {
			return Duration.ZERO;
		}
		Instant until = counted.last().plus(delay(counted.count() - allowance));
		return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** The first delay, doubled for each failure beyond the allowance, capped. */
	Duration delay(int beyond) {
		Duration delay = this.firstDelay.multipliedBy(1L << Math.min(beyond, 20));
		return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
	}

	private void prune(Instant now) {
		this.failures.entrySet().removeIf((entry) -> entry.getValue().last().plus(this.maxDelay).isBefore(now));
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String pair(String username, String address) {
		return "account:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "") + "@" + address;
	}

	private static String address(String address) {
		return "address:" + address;
	}

	/** How many failures a key has had, and when the last one was. */
	private record Failures(int count, Instant last) {

		static Failures after(Failures old, Instant now) {
			return new Failures((old != null) ? old.count() + 1 : 1, now);
		}

	}

}
