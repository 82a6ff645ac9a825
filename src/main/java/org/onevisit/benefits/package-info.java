/**
 * Benefits without applying (免申即享): a policy is a rule over registry data with a benefit.
 * The platform finds everyone who qualifies, on a schedule and on demand, grants the
 * benefit or offers it for one click, tells them, and records why. Before a policy is
 * switched on, an administrator simulates it.
 */
@ApplicationModule(displayName = "Benefits without applying")
package org.onevisit.benefits;

import org.springframework.modulith.ApplicationModule;
