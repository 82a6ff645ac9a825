package org.onevisit.dashboard.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.ApplicationStatistics.MonthlyCell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data's CSV, byte for byte: what partners' scripts parse must not change when
 * the code that writes it does.
 */
class OpenDataTests {

	@Test
	void writesOneLinePerCellWithCrLfAndSuppressesCountsUnderTen() {
		String csv = OpenData
			.csv(List.of(OpenData.published(new MonthlyCell("2026-11", "税务局", "339900-TAX-005", 120, 98, 12.5)),
					OpenData.published(new MonthlyCell("2026-11", "民政局", "339900-CA-001", 9, 3, 40.0)),
					OpenData.published(new MonthlyCell("2026-12", "公安局", "339900-PS-002", 10, 10, null))));

		assertThat(csv).isEqualTo(
				"month,department,item,filed,finished,averageHours\r\n" + "2026-11,税务局,339900-TAX-005,120,98,12.5\r\n"
						+ "2026-11,民政局,339900-CA-001,<10,<10,\r\n" + "2026-12,公安局,339900-PS-002,10,10,\r\n");
	}

	@Test
	void quotesOnlyTextThatHoldsACommaOrAQuote() {
		String csv = OpenData
			.csv(List.of(OpenData.published(new MonthlyCell("2026-11", "住房和城乡建设局,不动产", "A\"1", 11, 0, null)),
					OpenData.published(new MonthlyCell("2026-11", "卫生健康委员会（卫健）", "B-1 x", 11, 12, 1.25))));

		assertThat(csv).isEqualTo("month,department,item,filed,finished,averageHours\r\n"
				+ "2026-11,\"住房和城乡建设局,不动产\",\"A\"\"1\",11,<10,\r\n" + "2026-11,卫生健康委员会（卫健）,B-1 x,11,12,1.25\r\n");
	}

	@Test
	void writesOnlyTheHeaderWithoutCells() {
		assertThat(OpenData.csv(List.of())).isEqualTo("month,department,item,filed,finished,averageHours\r\n");
	}

}
