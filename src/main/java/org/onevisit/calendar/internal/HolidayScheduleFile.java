package org.onevisit.calendar.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.onevisit.shared.WorkingDays.FixedHoliday;
import org.onevisit.shared.WorkingDays.Holiday;
import org.onevisit.shared.WorkingDays.Schedule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.springframework.core.io.Resource;

/**
 * Reads a holiday schedule file (see {@code calendar/prc-holidays.yaml} for the format)
 * and checks it whole: every problem is reported with its file and line, and a file with
 * any problem is not used at all.
 */
final class HolidayScheduleFile {

	/** One problem found in a schedule file. */
	record Problem(String file, int line, String field, String message) {

		@Override
		public String toString() {
			return this.file + ":" + this.line + " " + this.field + ": " + this.message;
		}

	}

	/** A schedule file that cannot be used, with everything that is wrong with it. */
	static final class Invalid extends IllegalStateException {

		private final List<Problem> problems;

		Invalid(List<Problem> problems) {
			super("Holiday schedule rejected:\n  "
					+ String.join("\n  ", problems.stream().map(Problem::toString).toList()));
			this.problems = List.copyOf(problems);
		}

		List<Problem> problems() {
			return this.problems;
		}

	}

	private final String file;

	private final List<Problem> problems = new ArrayList<>();

	private HolidayScheduleFile(String file) {
		this.file = file;
	}

	static List<Schedule> read(Resource resource) throws IOException {
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return read(String.valueOf(resource.getFilename()), reader);
		}
	}

	static List<Schedule> read(String file, Reader reader) {
		return parse(file, reader, HolidayScheduleFile::schedules);
	}

	/**
	 * Reads the statutory holidays on fixed dates (see
	 * {@code calendar/prc-statutory-holidays.yaml}): a source and holidays of month-days.
	 */
	static List<FixedHoliday> readFixed(Resource resource) throws IOException {
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return parse(String.valueOf(resource.getFilename()), reader, HolidayScheduleFile::fixedHolidays);
		}
	}

	/** The file read by one of the readers below, or every problem found in it. */
	private static <T> T parse(String file, Reader reader, BiFunction<HolidayScheduleFile, Node, T> contents) {
		HolidayScheduleFile parser = new HolidayScheduleFile(file);
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
		}
		catch (YAMLException ex) {
			throw new Invalid(List.of(new Problem(file, 0, "(file)", "not valid YAML: " + ex.getMessage())));
		}
		T read = contents.apply(parser, root);
		if (!parser.problems.isEmpty()) {
			throw new Invalid(parser.problems);
		}
		return read;
	}

	private List<FixedHoliday> fixedHolidays(Node root) {
		List<FixedHoliday> holidays = new ArrayList<>();
		if (!(root instanceof MappingNode mapping)) {
			problem(root, "(file)", "expected a mapping with source and holidays");
			return holidays;
		}
		String source = text(mapping, "source", true);
		Node list = child(mapping, "holidays");
		if (!(list instanceof SequenceNode entries)) {
			problem((list != null) ? list : mapping, "holidays", "expected a list");
			return holidays;
		}
		for (Node entry : entries.getValue()) {
			if (!(entry instanceof MappingNode holiday)) {
				problem(entry, "holidays", "expected a mapping with name and days");
				continue;
			}
			String name = text(holiday, "name", true);
			List<MonthDay> days = new ArrayList<>();
			if (child(holiday, "days") instanceof SequenceNode dayList) {
				for (Node day : dayList.getValue()) {
					try {
						days.add(MonthDay.parse("--" + ((ScalarNode) day).getValue().strip()));
					}
					catch (ClassCastException | DateTimeParseException ex) {
						problem(day, "days", "expected a month and day such as 10-01");
					}
				}
			}
			else {
				problem(holiday, "days", "expected a list of month-days such as [10-01, 10-02]");
			}
			if (name != null && !days.isEmpty()) {
				holidays.add(new FixedHoliday(name, days, source));
			}
		}
		return holidays;
	}

	private List<Schedule> schedules(Node root) {
		List<Schedule> schedules = new ArrayList<>();
		if (!(root instanceof SequenceNode years)) {
			problem(root, "(file)", "expected a list of years");
			return schedules;
		}
		Set<Integer> seen = new HashSet<>();
		for (Node node : years.getValue()) {
			Optional<Schedule> schedule = schedule(node);
			schedule.ifPresent((value) -> {
				if (!seen.add(value.year())) {
					problem(node, "year", "year " + value.year() + " appears twice in this file");
				}
				schedules.add(value);
			});
		}
		return schedules;
	}

	private Optional<Schedule> schedule(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			problem(node, "year", "expected a mapping with year, source and holidays");
			return Optional.empty();
		}
		Integer year = integer(mapping, "year");
		String source = text(mapping, "source", true);
		Node holidaysNode = child(mapping, "holidays");
		if (year == null || !(holidaysNode instanceof SequenceNode holidayList)) {
			if (holidaysNode != null && !(holidaysNode instanceof SequenceNode)) {
				problem(holidaysNode, "holidays", "expected a list");
			}
			else if (holidaysNode == null) {
				problem(mapping, "holidays", "missing");
			}
			return Optional.empty();
		}
		List<Holiday> holidays = new ArrayList<>();
		Set<LocalDate> offDays = new HashSet<>();
		for (Node holidayNode : holidayList.getValue()) {
			holiday(holidayNode, year).ifPresent((holiday) -> {
				holiday.from().datesUntil(holiday.to().plusDays(1)).forEach((day) -> {
					if (!offDays.add(day)) {
						problem(holidayNode, "from", day + " belongs to two holidays");
					}
				});
				holidays.add(holiday);
			});
		}
		holidays.forEach((holiday) -> holiday.makeUpWorkdays()
			.stream()
			.filter(offDays::contains)
			.forEach(
					(day) -> problem(mapping, "makeUpWorkdays", day + " is both a holiday and a make-up working day")));
		return Optional.of(new Schedule(year, source, holidays));
	}

	private Optional<Holiday> holiday(Node node, int year) {
		if (!(node instanceof MappingNode mapping)) {
			problem(node, "holidays", "expected a mapping with name, from, to");
			return Optional.empty();
		}
		String name = text(mapping, "name", true);
		LocalDate from = date(mapping, "from");
		LocalDate to = date(mapping, "to");
		Set<LocalDate> makeUp = new LinkedHashSet<>();
		Node makeUpNode = child(mapping, "makeUpWorkdays");
		if (makeUpNode instanceof SequenceNode days) {
			for (Node day : days.getValue()) {
				LocalDate parsed = date(day, "makeUpWorkdays");
				if (parsed != null) {
					DayOfWeek weekday = parsed.getDayOfWeek();
					if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
						problem(day, "makeUpWorkdays", parsed + " is a " + weekday + ", already a working day");
					}
					makeUp.add(parsed);
				}
			}
		}
		else if (makeUpNode != null) {
			problem(makeUpNode, "makeUpWorkdays", "expected a list of dates");
		}
		if (name == null || from == null || to == null) {
			return Optional.empty();
		}
		if (to.isBefore(from)) {
			problem(child(mapping, "to"), "to", "ends before it starts");
			return Optional.empty();
		}
		// A New Year holiday may start in the last days of December of the year before.
		LocalDate earliest = LocalDate.of(year - 1, 12, 1);
		LocalDate latest = LocalDate.of(year, 12, 31);
		if (from.isBefore(earliest) || to.isAfter(latest)) {
			problem(child(mapping, "from"), "from", "holiday lies outside the year " + year);
		}
		return Optional.of(new Holiday(name, from, to, makeUp));
	}

	private Node child(MappingNode mapping, String key) {
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode scalar && key.equals(scalar.getValue())) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private String text(MappingNode mapping, String key, boolean required) {
		Node node = child(mapping, key);
		if (node == null) {
			if (required) {
				problem(mapping, key, "missing");
			}
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			problem(node, key, "expected text");
			return null;
		}
		return scalar.getValue().strip();
	}

	private Integer integer(MappingNode mapping, String key) {
		String value = text(mapping, key, true);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			problem(child(mapping, key), key, "expected a year such as 2026, got '" + value + "'");
			return null;
		}
	}

	private LocalDate date(MappingNode mapping, String key) {
		Node node = child(mapping, key);
		if (node == null) {
			problem(mapping, key, "missing");
			return null;
		}
		return date(node, key);
	}

	private LocalDate date(Node node, String key) {
		if (!(node instanceof ScalarNode scalar)) {
			problem(node, key, "expected a date such as 2026-10-01");
			return null;
		}
		try {
			return LocalDate.parse(scalar.getValue().strip());
		}
		catch (DateTimeParseException ex) {
			problem(node, key, "expected a date such as 2026-10-01, got '" + scalar.getValue() + "'");
			return null;
		}
	}

	private void problem(Node node, String field, String message) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 0;
		this.problems.add(new Problem(this.file, line, field, message));
	}

}
