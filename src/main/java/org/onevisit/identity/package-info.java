/**
 * Who someone is and which roles they hold: real-name accounts for applicants, staff
 * accounts for clerks, department reviewers, supervisors and administrators; password
 * login for pages and bearer tokens for the API.
 */
@ApplicationModule(displayName = "Identity and accounts")
package org.onevisit.identity;

import org.springframework.modulith.ApplicationModule;
