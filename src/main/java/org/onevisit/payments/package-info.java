/**
 * Fees (缴费): an application whose items carry fees gets one payment order at filing; the
 * applicant pays through a payment provider, and the order is paid only when the
 * provider's signed callback is verified. Callbacks are idempotent; a forged one changes
 * nothing and is kept as a refusal.
 */
@ApplicationModule(displayName = "Payments")
package org.onevisit.payments;

import org.springframework.modulith.ApplicationModule;
