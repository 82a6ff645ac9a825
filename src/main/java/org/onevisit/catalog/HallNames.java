package org.onevisit.catalog;

import java.util.Optional;

/**
 * The name of the hall an implementation names, for its guide. The halls are the queues
 * module's, which depends on the catalogue; it implements this port.
 */
public interface HallNames {

	Optional<String> hallName(String hallCode);

}
