/**
 * Appointments and queues (预约取号): the halls with their windows and opening hours,
 * appointments for a slot, tickets drawn at the hall (walk-in or by appointment) and
 * called to a window, and each hall's queue length and expected wait for everyone to see.
 */
@ApplicationModule(displayName = "Appointments and queues")
package org.onevisit.queues;

import org.springframework.modulith.ApplicationModule;
