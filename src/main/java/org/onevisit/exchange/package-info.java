/**
 * Data exchange (数据共享): department registries answer signed requests for data elements,
 * within access rules derived from the catalogue; every access is appended to a
 * hash-chained ledger the citizen can read. Forms are pre-filled and shared-data
 * materials satisfied from the answers, kept as signed evidence.
 */
@ApplicationModule(displayName = "Data exchange")
package org.onevisit.exchange;

import org.springframework.modulith.ApplicationModule;
