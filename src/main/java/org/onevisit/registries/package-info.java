/**
 * The department registries of the demo city (公安, 民政, 不动产, 市场监管, 人社, 税务, 卫健, 住建), each a
 * small HTTP service on a loopback port behind the exchange's provider gate, with
 * consistent synthetic data made by a seeded generator, data problems included. In
 * production the exchange talks to the departments' own endpoints instead
 * ({@code onevisit.registries.embedded=false}).
 */
@ApplicationModule(displayName = "Demo department registries")
package org.onevisit.registries;

import org.springframework.modulith.ApplicationModule;
