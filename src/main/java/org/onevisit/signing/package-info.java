/**
 * Keys and signatures: the key-encryption key every stored key is wrapped under, and the
 * SM2 signing keys of licences, the exchange, payments and logs.
 */
@ApplicationModule(displayName = "Signing")
package org.onevisit.signing;

import org.springframework.modulith.ApplicationModule;
