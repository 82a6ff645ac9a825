package org.onevisit.catalog;

import java.time.Instant;

/**
 * A version of a catalogue entry was published (by hand or by an import) or retired.
 *
 * @param kind {@code item} or {@code bundle}
 * @param action {@code publish} or {@code retire}
 */
public record CatalogueChanged(String kind, String code, int version, String action, Instant at) {
}
