package org.onevisit.messages.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.messages.NotificationRefused;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages and the API of this module do: a person's choice of channels, and the
 * administrators' view of deliveries that failed.
 */
@Service
public class NotificationSettings {

	/** A send takes seconds; a delivery SENDING for longer was interrupted. */
	private static final Duration STUCK = Duration.ofMinutes(10);

	private final ChannelPreferences preferences;

	private final OutgoingDeliveries deliveries;

	private final Recipients recipients;

	NotificationSettings(ChannelPreferences preferences, OutgoingDeliveries deliveries, Recipients recipients) {
		this.preferences = preferences;
		this.recipients = recipients;
		this.deliveries = deliveries;
	}

	/**
	 * A person's choice as they give it; a channel not named stays off, the in-app inbox
	 * is always on.
	 */
	public record Choice(String email, String mobile, Boolean emailEnabled, Boolean smsEnabled, String locale) {

		boolean emailOn() {
			return Boolean.TRUE.equals(this.emailEnabled);
		}

		boolean smsOn() {
			return Boolean.TRUE.equals(this.smsEnabled);
		}

	}

	public Preferences of(OneVisitUser user) {
		String recipient = this.recipients.of(user);
		return this.preferences.of(recipient).orElseGet(() -> Preferences.none(recipient, staffDepartment(user)));
	}

	/**
	 * Keeps the choice if every channel switched on has a valid address.
	 * @throws NotificationRefused naming the fields that are missing or wrong
	 */
	@Transactional
	public Preferences choose(OneVisitUser user, Choice choice) {
		Preferences chosen = Preferences.chosen(this.recipients.of(user), choice.email(), choice.mobile(),
				choice.emailOn(), choice.smsOn(), choice.locale(), staffDepartment(user));
		this.preferences.save(chosen);
		return chosen;
	}

	/** Deliveries that failed for good or were interrupted mid-send, newest first. */
	public List<Outgoing> needingAttention() {
		return this.deliveries.needingAttention(STUCK);
	}

	/**
	 * Sends a failed delivery again, under the same id.
	 * @throws NotificationRefused if it is not one that failed
	 */
	@Transactional
	public void retry(UUID delivery) {
		if (!this.deliveries.retry(delivery)) {
			throw NotificationRefused.deliveryNotFound();
		}
	}

	/**
	 * Whose warnings a staff member receives: a reviewer their department's, a supervisor
	 * every department's.
	 */
	private static String staffDepartment(OneVisitUser user) {
		if (user.subject().isPresent()) {
			return null;
		}
		if (user.hasRole(Role.SUPERVISOR)) {
			return ChannelPreferences.EVERY_DEPARTMENT;
		}
		return user.departmentCode().orElse(null);
	}

}
