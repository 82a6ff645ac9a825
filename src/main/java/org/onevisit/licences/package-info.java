/**
 * Electronic licences (电子证照): issued from approved applications, signed with SM2 over SM3
 * by the platform's key, verifiable by anyone with the published public key, revocable by
 * the issuing department, and held in the holder's wallet, where they satisfy the licence
 * materials of later applications.
 */
@ApplicationModule(displayName = "Licences")
package org.onevisit.licences;

import org.springframework.modulith.ApplicationModule;
