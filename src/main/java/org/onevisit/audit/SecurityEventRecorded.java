package org.onevisit.audit;

import java.time.Instant;

/**
 * A row was appended to the security log, told in the transaction that wrote it, so that
 * the public transparency log commits to it: by its id, a salted commitment to its values
 * (SM3, docs/transparency-log.md; the salt stays with the row) and its kind, naming
 * nobody.
 */
public record SecurityEventRecorded(long id, byte[] commitment, SecurityEvent.Kind kind, Instant at) {

}
