package org.onevisit.catalog;

import java.util.function.Function;

/**
 * An attribute in which two regions' implementations of one basic item may differ, with
 * its key in the catalogue file and the path a problem about it is reported at.
 */
public enum ImplementationField {

	CONDITIONS("conditions", "conditions", ServiceItem::conditions),

	FEES("fees", "fees", ServiceItem::fees),

	STATUTORY_LIMIT("statutoryLimit", "limits.statutory", ServiceItem::statutoryLimit),

	COMMITTED_LIMIT("committedLimit", "limits.committed", ServiceItem::committedLimit),

	CHANNELS("channels", "channels", ServiceItem::channels),

	VISITS("visits", "visits", ServiceItem::visits),

	ON_THE_SPOT("onTheSpot", "onTheSpot", ServiceItem::onTheSpot),

	MATERIALS("materials", "materials", ServiceItem::materials),

	FORM("form", "form", ServiceItem::form),

	WORKFLOW("workflow", "workflow", ServiceItem::workflow),

	ELIGIBILITY("eligibility", "eligibility", ServiceItem::eligibility),

	APPLICANTS("applicants", "applicants", ServiceItem::applicants),

	KEYWORDS("keywords", "keywords", ServiceItem::keywords);

	private final String key;

	private final String path;

	private final Function<ServiceItem, Object> value;

	ImplementationField(String key, String path, Function<ServiceItem, Object> value) {
		this.key = key;
		this.path = path;
		this.value = value;
	}

	/** The name in a basic item's {@code fixed} list. */
	public String key() {
		return this.key;
	}

	/** Where in an item's text the attribute is written, below the item's own path. */
	public String path() {
		return this.path;
	}

	public Object valueOf(ServiceItem item) {
		return this.value.apply(item);
	}

	public boolean differs(ServiceItem one, ServiceItem other) {
		return !valueOf(one).equals(valueOf(other));
	}

}
