/**
 * Demo data for the fictional 示范市 (Demonstration City), seeded through each module's
 * public API when OneVisit runs on the embedded database (or with
 * {@code --onevisit.demo=true}). Nothing depends on this module.
 */
@ApplicationModule(displayName = "Demo data")
package org.onevisit.demo;

import org.springframework.modulith.ApplicationModule;
