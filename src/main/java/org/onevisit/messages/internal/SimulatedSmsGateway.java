package org.onevisit.messages.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.onevisit.messages.SmsGateway;

import org.springframework.stereotype.Component;

/**
 * The SMS gateway of the demo and the tests: it sends nothing and remembers every text,
 * so that a test reads the one-time code or the notice a person would have received.
 */
@Component
public class SimulatedSmsGateway implements SmsGateway {

	/** A text the gateway was given. */
	public record Sms(String id, String mobileNumber, String text, Instant at) {
	}

	private final List<Sms> sent = new CopyOnWriteArrayList<>();

	private final Clock clock;

	SimulatedSmsGateway(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String send(String mobileNumber, String text) {
		String id = UUID.randomUUID().toString();
		this.sent.add(new Sms(id, mobileNumber, text, this.clock.instant()));
		return id;
	}

	/** The texts sent to that number, oldest first. */
	public List<Sms> sentTo(String mobileNumber) {
		return this.sent.stream().filter((sms) -> sms.mobileNumber().equals(mobileNumber)).toList();
	}

}
