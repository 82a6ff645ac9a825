/**
 * The standard service catalogue: regions in five levels, departments, and (as it grows)
 * service items, materials, forms and one-thing bundles that every other module works
 * from.
 */
@ApplicationModule(displayName = "Service catalogue")
package org.onevisit.catalog;

import org.springframework.modulith.ApplicationModule;
