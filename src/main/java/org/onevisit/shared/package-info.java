/**
 * Value types every module speaks: identity numbers, the working-day calendar and the
 * typed error base. No services live here.
 */
@ApplicationModule(displayName = "Shared value types", type = ApplicationModule.Type.OPEN)
package org.onevisit.shared;

import org.springframework.modulith.ApplicationModule;
