package org.onevisit.payments;

import java.net.URI;
import java.util.Optional;

import org.onevisit.identity.Actor;
import org.onevisit.applications.ApplicationId;

/**
 * The fees of applications. Whoever may see an application may see its payment; only its
 * applicant may pay.
 */
public interface PaymentManagement {

	/** The application's fee order; empty when its items are free. */
	Optional<Payment> of(ApplicationId application, Actor by);

	/**
	 * Where the applicant pays: the provider's page for this order.
	 * {@link PaymentRefused} when there is nothing to pay.
	 */
	URI checkout(ApplicationId application, Actor by);

	/**
	 * A provider's callback, exactly as received. The order is paid only when the
	 * signature verifies and the callback matches it; a repeat of a callback already
	 * applied changes nothing. Every callback is kept, refused ones too.
	 */
	Payment confirm(String provider, byte[] body, String keyId, String signature);

}
