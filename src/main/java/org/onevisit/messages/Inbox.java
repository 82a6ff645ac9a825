package org.onevisit.messages;

import java.util.List;

import org.onevisit.shared.Subject;

/** The messages a person or business received, newest first. */
public interface Inbox {

	List<Message> of(Subject recipient);

}
