/**
 * The reform's dashboard (驾驶舱) and open data: the indicators the reform measures itself
 * by, for any region level, department, item and period, drawn from the figures each
 * module keeps; the same aggregates published as CSV and JSON with every cell about fewer
 * than ten people suppressed.
 */
@ApplicationModule(displayName = "Dashboard and open data")
package org.onevisit.dashboard;

import org.springframework.modulith.ApplicationModule;
