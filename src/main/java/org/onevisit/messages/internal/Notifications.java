package org.onevisit.messages.internal;

import java.util.List;

import org.onevisit.shared.Subject;

/**
 * Telling people what happened, in the transaction of what happened: a message is stored
 * if and only if its cause is (see {@link EventNotices}). Each notice names its cause
 * (e.g. the licence and what happened to it), so that repeating an action does not repeat
 * the message.
 */
interface Notifications {

	/** A message about to be sent, by message key and arguments. */
	record Notice(Subject recipient, String cause, String key, List<String> arguments, String link) {

		public Notice {
			arguments = List.copyOf(arguments);
		}

	}

	void send(List<Notice> notices);

	/**
	 * Tells the staff of a department who chose an outside channel (their warnings are
	 * already on the supervision pages).
	 */
	void tellStaff(String department, String key, List<String> arguments, String link);

}
