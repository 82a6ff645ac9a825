package org.onevisit.applications;

import java.time.Instant;
import java.util.UUID;

import org.onevisit.catalog.Party;
import org.onevisit.shared.Subject;

/**
 * One party's part in a matter: who they are, in which role, how they must confirm, and,
 * once they have, when, through which channel, over which form and materials (the SM3
 * hash of both as filed) and, at a window, how the clerk checked their identity. The
 * filer's own part is confirmed by filing.
 *
 * @param id stable, so that a party confirms this part and no other
 * @param party the person or business
 * @param role what they are to the matter
 * @param mode how they must confirm
 * @param state pending, confirmed or declined
 * @param decidedAt when they confirmed or declined
 * @param decidedBy the account that recorded it: the party's own, or the clerk's at a
 * window
 * @param channel online (their own 我的空间 or the API) or at a hall's window
 * @param hash the SM3 hash, hex, of the form and materials confirmed
 * @param reason why they declined
 * @param window the identity check a clerk recorded at a window; {@code null} online
 */
public record PartyConfirmation(UUID id, Subject party, Party.Role role, Party.Confirmation mode, State state,
		Instant decidedAt, String decidedBy, Channel channel, String hash, String reason, WindowCheck window) {

	/** Where a party's confirmation stands. */
	public enum State {

		PENDING, CONFIRMED, DECLINED

	}

	/** How a clerk checked a party's identity at a window. */
	public enum IdentityCheck {

		/** The party's resident ID card was read at the window. */
		ID_CARD,
		/** The party was served under a ticket the hall's queue issued. */
		TICKET

	}

	/**
	 * The clerk's record of a party present at their window: how their identity was
	 * checked, with what (the ticket number, or the card's number as read), by which
	 * clerk at which hall.
	 */
	public record WindowCheck(IdentityCheck check, String reference, String clerk, String hall) {
	}

	/** A part still to be confirmed. */
	public static PartyConfirmation pending(Subject party, Party.Role role, Party.Confirmation mode) {
		return new PartyConfirmation(UUID.randomUUID(), party, role, mode, State.PENDING, null, null, null, null, null,
				null);
	}

	/** The filer's own part, confirmed by the filing itself. */
	public static PartyConfirmation byFiling(Subject party, Party.Role role, Party.Confirmation mode, Instant at,
			String filedBy, Channel channel, String hash) {
		return new PartyConfirmation(UUID.randomUUID(), party, role, mode, State.CONFIRMED, at, filedBy, channel, hash,
				null, null);
	}

	/**
	 * The identifier as the matter's other parties and its reviewers' lists show it:
	 * enough to tell people apart, not to use the number.
	 */
	public String maskedParty() {
		String identifier = this.party.identifier();
		return identifier.substring(0, 4) + "*".repeat(identifier.length() - 8)
				+ identifier.substring(identifier.length() - 4);
	}

	public boolean pending() {
		return this.state == State.PENDING;
	}

	public boolean concerns(Subject subject) {
		return subject != null && subject.equals(this.party);
	}

	PartyConfirmation confirmed(Instant at, String by, Channel through, String confirmedHash, WindowCheck check) {
		return new PartyConfirmation(this.id, this.party, this.role, this.mode, State.CONFIRMED, at, by, through,
				confirmedHash, null, check);
	}

	PartyConfirmation declined(Instant at, String by, Channel through, String why, WindowCheck check) {
		return new PartyConfirmation(this.id, this.party, this.role, this.mode, State.DECLINED, at, by, through, null,
				why, check);
	}

}
