package org.onevisit.catalog;

/** One guide found by a search: an item or a bundle. */
public record SearchHit(Kind kind, String code, String name, String departmentName, float score) {

	/** What the guide describes. */
	public enum Kind {

		ITEM, BUNDLE

	}

}
