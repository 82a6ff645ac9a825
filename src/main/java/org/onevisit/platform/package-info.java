/**
 * How OneVisit runs, not what it decides: the database (embedded PostgreSQL by default),
 * the mapping of typed errors to RFC 9457 problems and localized pages, locale resolution
 * and request tracing. No business rule lives here.
 */
@ApplicationModule(displayName = "Platform runtime")
package org.onevisit.platform;

import org.springframework.modulith.ApplicationModule;
