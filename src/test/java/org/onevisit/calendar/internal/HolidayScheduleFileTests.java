package org.onevisit.calendar.internal;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.calendar.internal.HolidayScheduleFile.Invalid;
import org.onevisit.calendar.internal.HolidayScheduleFile.Problem;
import org.onevisit.shared.WorkingDays;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class HolidayScheduleFileTests {

	@Test
	void theShippedScheduleCovers2025And2026WithTheirMakeUpDays() throws IOException {
		WorkingDays calendar = WorkingDays
			.of(HolidayScheduleFile.read(new ClassPathResource("calendar/prc-holidays.yaml")));

		assertThat(calendar.coveredYears()).contains(2025, 2026);
		// 2026 Spring Festival 15-23 Feb, Saturdays 14 and 28 Feb worked
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
		// 2026 National Day 1-7 Oct, Sunday 20 Sep and Saturday 10 Oct worked
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1).date()).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		// 2025 Spring Festival
		assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 24), 5).date()).isEqualTo(LocalDate.of(2025, 2, 7));
	}

	@Test
	void theShippedStatutoryHolidaysKeepNewYearLabourDayAndNationalDayInAnUnpublishedYear() throws IOException {
		List<WorkingDays.FixedHoliday> fixed = HolidayScheduleFile
			.readFixed(new ClassPathResource("calendar/prc-statutory-holidays.yaml"));
		WorkingDays calendar = WorkingDays
			.of(HolidayScheduleFile.read(new ClassPathResource("calendar/prc-holidays.yaml")), fixed);

		assertThat(fixed).extracting(WorkingDays.FixedHoliday::name).containsExactly("元旦", "劳动节", "国庆节");
		assertThat(fixed).allSatisfy((holiday) -> assertThat(holiday.source()).contains("全国年节及纪念日放假办法"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Friday, New Year 2027").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1))
			.isEqualTo(new WorkingDays.Due(LocalDate.of(2027, 1, 4), true));
	}

	@Test
	void refusesAStatutoryHolidayFileWithAWrongDay() {
		assertThatThrownBy(() -> HolidayScheduleFile.readFixed(new org.springframework.core.io.ByteArrayResource("""
				source: test
				holidays:
				  - name: 元旦
				    days: [13-01]
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isInstanceOf(Invalid.class)
			.hasMessageContaining("expected a month and day such as 10-01");
	}

	@Test
	void refusesAFileWholeAndNamesEveryProblemWithItsLine() {
		String file = """
				- year: 2027
				  source: test
				  holidays:
				    - name: 春节
				      from: 2027-02-30
				      to: 2027-02-12
				    - name: 国庆节
				      from: 2027-10-07
				      to: 2027-10-01
				    - from: 2027-05-01
				      to: 2027-05-03
				      makeUpWorkdays: [2027-05-06]
				- year: twenty
				  holidays: []
				""";

		assertThatThrownBy(() -> HolidayScheduleFile.read("2027.yaml", new StringReader(file))).isInstanceOfSatisfying(
				Invalid.class,
				(invalid) -> assertThat(invalid.problems()).extracting(Problem::file, Problem::line, Problem::field)
					.containsExactly(tuple("2027.yaml", 5, "from"), tuple("2027.yaml", 9, "to"),
							tuple("2027.yaml", 10, "name"), tuple("2027.yaml", 12, "makeUpWorkdays"),
							tuple("2027.yaml", 13, "year"), tuple("2027.yaml", 13, "source")));
	}

	@Test
	void refusesADayThatIsBothHolidayAndMakeUpDay() {
		String file = """
				- year: 2027
				  source: test
				  holidays:
				    - name: 劳动节
				      from: 2027-05-01
				      to: 2027-05-05
				      makeUpWorkdays: [2027-05-01]
				""";

		assertThatThrownBy(() -> HolidayScheduleFile.read("x.yaml", new StringReader(file))).isInstanceOfSatisfying(
				Invalid.class, (invalid) -> assertThat(invalid.problems()).extracting(Problem::message)
					.containsExactly("2027-05-01 is both a holiday and a make-up working day"));
	}

	@Test
	void refusesSomethingThatIsNotYamlAtAll() {
		assertThatThrownBy(() -> HolidayScheduleFile.read("x.yaml", new StringReader("- year: [unclosed")))
			.isInstanceOf(Invalid.class)
			.hasMessageContaining("not valid YAML");
	}

	@Test
	void readsAValidExtensionForANewYear() {
		String file = """
				- year: 2027
				  source: test
				  holidays:
				    - name: 元旦
				      from: 2027-01-01
				      to: 2027-01-03
				""";

		List<WorkingDays.Schedule> schedules = HolidayScheduleFile.read("2027.yaml", new StringReader(file));

		assertThat(WorkingDays.of(schedules).isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
	}

}
