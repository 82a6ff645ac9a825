/**
 * Partners: the organisations that act for citizens (banks, estate agencies, notaries,
 * couriers) and the department systems that sign their staff in through OneVisit.
 * OneVisit is their OAuth 2.1 / OpenID Connect provider (Spring Authorization Server):
 * partners get JWTs by client credentials, department systems sign people in with
 * authorization code and PKCE.
 */
@ApplicationModule(displayName = "Partners")
package org.onevisit.partners;

import org.springframework.modulith.ApplicationModule;
