package org.onevisit.applications;

import java.util.Map;

/**
 * Whether the registry changes of a matter's approved items are written back to the
 * registries (回写), for its case file. The exchange implements it (it depends on
 * applications, not the other way).
 */
public interface WriteBacks {

	/** Each item's write-back that has begun, by item code. */
	Map<String, State> of(ApplicationId application);

	/** Where an item's write-back stands. */
	enum State {

		/** Sent or to be sent again: the registry has not applied it yet (待回写). */
		PENDING,
		/** Applied by every registry it changes (已回写). */
		WRITTEN,
		/** A registry cannot apply it to what it holds: someone must look (回写未成功). */
		REFUSED

	}

}
