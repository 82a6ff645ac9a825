package org.onevisit.signing;

import java.time.Instant;

/**
 * A new key signs under the name from now on, rotated by that administrator; the earlier
 * ones keep verifying.
 */
public record KeyRotated(KeyName name, String keyId, String by, Instant at) {
}
