package org.onevisit.supervision;

/**
 * Where warnings go besides the app: an SMS gateway (or a government messaging platform)
 * implements this as a bean of its own; without one, warnings are only logged here.
 */
public interface WarningChannel {

	void send(Warning warning);

}
