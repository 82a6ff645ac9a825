package org.onevisit.identity;

import org.onevisit.shared.OneVisitException;

/**
 * An account request broke a rule of who may hold which role (code
 * {@code account_invalid}).
 */
public final class AccountRuleViolated extends OneVisitException {

	public AccountRuleViolated(String developerMessage) {
		super("account_invalid", Kind.INVALID, developerMessage);
	}

	public AccountRuleViolated(String code, String developerMessage) {
		super(code, Kind.UNPROCESSABLE, developerMessage);
	}

}
