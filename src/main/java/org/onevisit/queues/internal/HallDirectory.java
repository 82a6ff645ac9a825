package org.onevisit.queues.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.onevisit.catalog.HallNames;
import org.onevisit.platform.ShippedYaml;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;

import org.springframework.stereotype.Component;

/** The halls, read from {@code queues/halls.yaml}. */
@Component
class HallDirectory implements Halls, HallNames {

	private final Map<String, Hall> halls = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	HallDirectory() {
		Map<String, Object> document = ShippedYaml.read("queues/halls.yaml");
		for (Map<String, Object> hall : (List<Map<String, Object>>) document.get("halls")) {
			List<Hall.Opening> hours = ((List<Map<String, Object>>) hall.get("hours")).stream()
				.map((opening) -> new Hall.Opening(
						((List<String>) opening.get("days")).stream()
							.map(DayOfWeek::valueOf)
							.collect(Collectors.toSet()),
						LocalTime.parse((String) opening.get("opens")),
						LocalTime.parse((String) opening.get("closes"))))
				.toList();
			Hall parsed = new Hall((String) hall.get("code"), (String) hall.get("name"), (String) hall.get("address"),
					(Integer) hall.get("windows"), (Integer) hall.get("serviceMinutes"), hours,
					(String) hall.get("region"), (List<String>) hall.getOrDefault("serves", List.of()));
			if (parsed.windows() < 1 || hours.isEmpty() || parsed.regionCode() == null) {
				throw new IllegalStateException("hall " + parsed.code() + " needs windows, opening hours and a region");
			}
			this.halls.put(parsed.code(), parsed);
		}
	}

	@Override
	public List<Hall> halls() {
		return List.copyOf(this.halls.values());
	}

	@Override
	public Optional<String> hallName(String hallCode) {
		return hall(hallCode).map(Hall::name);
	}

	@Override
	public Optional<Hall> hall(String code) {
		return Optional.ofNullable(this.halls.get(code));
	}

}
