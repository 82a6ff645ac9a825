/**
 * How the result reaches the applicant (送达方式): the electronic licence only, pick-up at a
 * hall, or a courier to an address, with the hand-off recorded with the courier's
 * tracking number.
 */
@ApplicationModule(displayName = "Delivery")
package org.onevisit.delivery;

import org.springframework.modulith.ApplicationModule;
