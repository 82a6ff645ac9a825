/**
 * The official working-day calendar: the State Council's holiday schedules with their
 * make-up working days, kept as data files an administrator can extend, and the due-date
 * service every time limit is counted with.
 */
@ApplicationModule(displayName = "Working-day calendar")
package org.onevisit.calendar;

import org.springframework.modulith.ApplicationModule;
