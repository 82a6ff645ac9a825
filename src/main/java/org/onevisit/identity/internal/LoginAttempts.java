package org.onevisit.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.platform.LoginGuard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing: after {@code per-account} failed logins for one username,
 * or {@code per-address} from one address, within the window, every login for that
 * username or from that address is refused until the window has passed, even with the
 * right password, so that guessing teaches nothing. Unknown usernames count like known
 * ones. Counted per node; several nodes each allow as many.
 */
@Component
class LoginAttempts implements LoginGuard {

	private final Clock clock;

	private final Duration window;

	private final int perAccount;

	private final int perAddress;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginAttempts(Clock clock, @Value("${onevisit.login.window:PT15M}") Duration window,
			@Value("${onevisit.login.per-account:5}") int perAccount,
			@Value("${onevisit.login.per-address:20}") int perAddress) {
		this.clock = clock;
		this.window = window;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
	}

	/** Refuses the attempt while the username or the address is throttled. */
	@Override
	public void checkAllowed(String username, String address) {
		Instant now = this.clock.instant();
		if (recent(account(username), now) >= this.perAccount || recent(address(address), now) >= this.perAddress) {
			throw new LoginGuard.Refused(this.window);
		}
	}

	@Override
	public void failed(String username, String address) {
		Instant now = this.clock.instant();
		add(account(username), now);
		add(address(address), now);
	}

	@Override
	public void succeeded(String username) {
		this.failures.remove(account(username));
	}

	private int recent(String key, Instant now) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(this.window))) {
				times.pollFirst();
			}
			return times.size();
		}
	}

	private void add(String key, Instant now) {
		Deque<Instant> times = this.failures.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(now);
			// more than the limit tells nothing more
			while (times.size() > Math.max(this.perAccount, this.perAddress) + 1) {
				times.pollFirst();
			}
		}
	}

	private static String account(String username) {
		return "account:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String address(String address) {
		return "address:" + address;
	}

}
