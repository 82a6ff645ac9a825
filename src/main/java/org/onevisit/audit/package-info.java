/**
 * The security log (安全审计): logins, refused accesses, staff views of cases and personal
 * data, key use and configuration changes, appended to PostgreSQL and never changed;
 * supervisors search it. Each module records where the action happens, through
 * {@link org.onevisit.audit.SecurityLog}.
 */
@ApplicationModule(displayName = "Security log")
package org.onevisit.audit;

import org.springframework.modulith.ApplicationModule;
