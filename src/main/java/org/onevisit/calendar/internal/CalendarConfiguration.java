package org.onevisit.calendar.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.onevisit.shared.WorkingDays;
import org.onevisit.shared.WorkingDays.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The calendar is the shipped schedule file plus any {@code *.yaml} an administrator puts
 * into {@code <data>/calendar/} (read in name order): publishing next year's schedule
 * needs no release. A year given again replaces the earlier one. A broken file stops
 * start-up with every problem listed, rather than counting time limits wrongly.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

	@Bean
	WorkingDays workingDays(@Value("${onevisit.data-dir:./data}") Path dataDirectory) throws IOException {
		List<Schedule> schedules = new ArrayList<>(
				HolidayScheduleFile.read(new ClassPathResource("calendar/prc-holidays.yaml")));
		Path extensions = dataDirectory.resolve("calendar");
		if (Files.isDirectory(extensions)) {
			try (Stream<Path> files = Files.list(extensions)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
					schedules.addAll(HolidayScheduleFile.read(new FileSystemResource(file)));
					log.info("Holiday schedules extended from {}", file);
				}
			}
		}
		WorkingDays calendar = WorkingDays.of(schedules,
				HolidayScheduleFile.readFixed(new ClassPathResource("calendar/prc-statutory-holidays.yaml")));
		log.info("Working-day calendar covers {}; other years keep the statutory holidays on fixed dates",
				calendar.coveredYears());
		return calendar;
	}

}
