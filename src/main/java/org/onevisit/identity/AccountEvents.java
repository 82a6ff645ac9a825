package org.onevisit.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to accounts, as past-tense facts for the security log: the members of the
 * {@link AccountEvent} family. They name accounts by username (a resident ID or credit
 * code for applicants), never carry a password, code or token.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	/** Any fact about an account. */
	public sealed interface AccountEvent
			permits RegistrationLimited, MobileVerified, IdentityVerifiedAtWindow, PasswordChanged, PasswordRecovered,
			SecondFactorEnrolled, SecondFactorReset, RecoveryCodeUsed, ApiTokenIssued, ApiTokenRevoked {

		String username();

		Instant at();

	}

	/**
	 * Registered, but limited to reading until the mobile number is confirmed: the number
	 * given was {@code registryHolds} the registry's own or not.
	 */
	public record RegistrationLimited(String username, boolean registryHoldsTheNumber,
			Instant at) implements AccountEvent {
	}

	/** The one-time code sent to the registry's number came back: the limit is lifted. */
	public record MobileVerified(String username, Instant at) implements AccountEvent {
	}

	/** A clerk checked the person's ID card at a window and lifted the limit. */
	public record IdentityVerifiedAtWindow(String username, String clerk, Instant at) implements AccountEvent {
	}

	public record PasswordChanged(String username, int tokensRevoked, Instant at) implements AccountEvent {
	}

	/** A new password set through a one-time code sent to the verified mobile number. */
	public record PasswordRecovered(String username, int tokensRevoked, Instant at) implements AccountEvent {
	}

	public record SecondFactorEnrolled(String username, Instant at) implements AccountEvent {
	}

	/** An administrator cleared a staff member's second factor; they enrol again. */
	public record SecondFactorReset(String username, String administrator, Instant at) implements AccountEvent {
	}

	public record RecoveryCodeUsed(String username, int left, Instant at) implements AccountEvent {
	}

	public record ApiTokenIssued(String username, UUID token, Instant at) implements AccountEvent {
	}

	/**
	 * Revoked by its holder, by an administrator ({@code by}), or by a password change.
	 */
	public record ApiTokenRevoked(String username, UUID token, String by, Instant at) implements AccountEvent {
	}

}
