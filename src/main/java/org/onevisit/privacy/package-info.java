/**
 * Personal data at rest: resident IDs, names, registry answers and uploaded files are
 * sealed with SM4-GCM under data keys that the key-encryption key wraps, each value bound
 * to the column or file it belongs to; lookups by resident ID go through a keyed SM3
 * (HMAC) blind index.
 */
@ApplicationModule(displayName = "Privacy")
package org.onevisit.privacy;

import org.springframework.modulith.ApplicationModule;
