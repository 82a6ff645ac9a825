/**
 * Instant approval (秒批): an item's approval rules, published in the catalogue, are
 * evaluated on the signed registry data fetched for the application as soon as it is
 * filed. When every rule holds, the task is approved by the platform; when one fails or
 * its data is missing or stale, a person decides. Either way the trace of every rule,
 * with the registry and date of the data it read, is kept for the applicant, the reviewer
 * and the supervisor.
 * <p>
 * The same language judges the conditions of eligibility every item may declare
 * (applications' {@code Eligibility} port, implemented here): at filing and before a
 * task's last approval, on registry data read then and logged on the ledger on the
 * filer's or the reviewer's behalf.
 */
@ApplicationModule(displayName = "Instant approval")
package org.onevisit.approvals;

import org.springframework.modulith.ApplicationModule;
