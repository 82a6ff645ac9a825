package org.onevisit.applications;

import java.time.Instant;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingParties;
import org.onevisit.applications.ApplicationEvents.ApplicationAwaitingPayment;
import org.onevisit.applications.ApplicationEvents.ApplicationDeclined;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsed;
import org.onevisit.applications.ApplicationEvents.ApplicationLapsedUnpaid;
import org.onevisit.applications.ApplicationEvents.ApplicationRejected;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationEvents.ApplicationWithdrawn;
import org.onevisit.applications.ApplicationEvents.SupplementLapsed;
import org.onevisit.applications.ApplicationEvents.SupplementProvided;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;

/**
 * Everything that can happen to an application, as one closed family: a listener that
 * switches over it is told by the compiler when a new fact is added. The records stay
 * nested in {@link ApplicationEvents}, whose binary names the outbox has stored.
 */
public sealed interface ApplicationEvent
		permits ApplicationSubmitted, SupplementRequested, SupplementProvided, SupplementLapsed, ApplicationApproved,
		ResultNeeded, ApplicationRejected, ApplicationWithdrawn, ApplicationAwaitingParties, ApplicationDeclined,
		ApplicationLapsed, ApplicationAwaitingPayment, ApplicationLapsedUnpaid {

	ApplicationId application();

	Instant at();

}
