package org.onevisit.queues;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The service halls. */
public interface Halls {

	List<Hall> halls();

	Optional<Hall> hall(String code);

	/** The halls whose clerks accept matters of the region. */
	default List<Hall> serving(String region) {
		return halls().stream().filter((hall) -> hall.serves(region)).toList();
	}

	/** Each hall's name by its code, for pages that show a stored code. */
	default Map<String, String> names() {
		return halls().stream().collect(Collectors.toMap(Hall::code, Hall::name));
	}

}
