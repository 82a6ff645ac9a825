package org.onevisit.queues;

import java.util.List;
import java.util.Optional;

/** The service halls. */
public interface Halls {

	List<Hall> halls();

	Optional<Hall> hall(String code);

}
