/**
 * Applications and their review: one application per item or bundle, a task per item for
 * its department, reviewed in parallel against working-day limits, with supplements that
 * pause the clock, a full history and events for what follows (licences, notifications,
 * supervision).
 */
@ApplicationModule(displayName = "Applications and review")
package org.onevisit.applications;

import org.springframework.modulith.ApplicationModule;
