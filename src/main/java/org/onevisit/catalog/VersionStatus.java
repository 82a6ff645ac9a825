package org.onevisit.catalog;

/**
 * The life of a version: edited as a draft, published (at most one published version per
 * code), superseded by a later publication, or retired when the item is withdrawn from
 * service.
 */
public enum VersionStatus {

	DRAFT, PUBLISHED, SUPERSEDED, RETIRED

}
