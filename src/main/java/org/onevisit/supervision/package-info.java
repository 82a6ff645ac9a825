/**
 * Electronic supervision (电子监察): every task under review is green, yellow (one working
 * day or less before its committed limit) or red (past it), with a separate flag past the
 * statutory limit; departments are warned once per level, in the app and through a
 * notification channel an SMS gateway can implement. Everything is computed from the
 * stored due dates and one injected clock, so it survives restarts.
 */
@ApplicationModule(displayName = "Supervision")
package org.onevisit.supervision;

import org.springframework.modulith.ApplicationModule;
