package org.onevisit.catalog;

import java.time.Instant;

/**
 * One version of an item or bundle. An application records the version it was filed under
 * and keeps being judged by it when a later version is published.
 */
public record Versioned<T>(String code, int version, VersionStatus status, T content, Instant savedAt, String savedBy,
		Instant publishedAt) {

}
