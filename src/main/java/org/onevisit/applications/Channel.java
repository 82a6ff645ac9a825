package org.onevisit.applications;

/**
 * Where the application came in: online, at a hall window, or through a partner's API
 * (bank, agent).
 */
public enum Channel {

	ONLINE, HALL, PARTNER

}
