/**
 * Value types every module speaks: identity numbers, the working-day calendar and the
 * typed error base. No services live here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared value types",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.onevisit.shared;
