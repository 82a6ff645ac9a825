package org.onevisit.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.ApplicationStatistics.MonthlyCell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data: its CSV byte for byte (what partners' scripts parse must not change when
 * the code that writes it does), names as the public knows them, and suppression that no
 * published total undoes.
 */
class OpenDataTests {

	static final Map<String, String> DEPARTMENTS = Map.of("tax", "税务局", "civil", "民政局", "housing", "住房和城乡建设局,不动产");

	static final Map<String, String> ITEMS = Map.of("339900-TAX-005", "开具个人所得税纳税记录", "339900-TAX-003", "发票票种核定及首次领用",
			"339900-CIVIL-001", "内地居民结婚登记", "339900-CIVIL-002", "内地居民离婚登记");

	@Test
	void writesOneLinePerCellAndTotalWithCrLfNamingDepartmentsAndItems() {
		String csv = OpenData.csv(published(new MonthlyCell("2026-11", "tax", "339900-TAX-005", 120, 98, 12.5),
				new MonthlyCell("2026-11", "tax", "339900-TAX-003", 30, 30, 2.5)));

		assertThat(csv).isEqualTo("month,level,department,departmentName,item,itemName,filed,finished,averageHours\r\n"
				+ "2026-11,item,tax,税务局,339900-TAX-005,开具个人所得税纳税记录,120,98,12.5\r\n"
				+ "2026-11,item,tax,税务局,339900-TAX-003,发票票种核定及首次领用,30,30,2.5\r\n"
				+ "2026-11,department,tax,税务局,,,150,128,10.16\r\n" + "2026-11,month,,,,,150,128,10.16\r\n");
	}

	@Test
	void marksAWithheldCountAsSuppressedNeverAsANumberOrAsEmpty() {
		List<Map<String, Object>> rows = published(new MonthlyCell("2026-11", "civil", "339900-CIVIL-001", 9, 0, null),
				new MonthlyCell("2026-11", "civil", "339900-CIVIL-002", 40, 35, 20.0),
				new MonthlyCell("2026-11", "tax", "339900-TAX-005", 50, 50, 1.0));
		String csv = OpenData.csv(rows);

		assertThat(rows.get(0)).containsEntry("filed", null)
			.containsEntry("suppressed", List.of("filed", "finished", "averageHours"));
		assertThat(csv)
			.contains("2026-11,item,civil,民政局,339900-CIVIL-001,内地居民结婚登记,suppressed,suppressed,suppressed\r\n");
		assertThat(csv).doesNotContain(",0,", "<10");
	}

	@Test
	void quotesOnlyTextThatHoldsACommaOrAQuote() {
		String csv = OpenData.csv(OpenData.published(
				List.of(new MonthlyCell("2026-11", "housing", "A\"1", 11, 12, 1.25),
						new MonthlyCell("2026-11", "housing", "B-1 x", 15, 12, 1.25)),
				DEPARTMENTS::get, (code) -> code));

		assertThat(csv).contains("2026-11,item,housing,\"住房和城乡建设局,不动产\",\"A\"\"1\",\"A\"\"1\",11,12,1.25\r\n",
				"2026-11,item,housing,\"住房和城乡建设局,不动产\",B-1 x,B-1 x,15,12,1.25\r\n");
	}

	@Test
	void writesOnlyTheHeaderWithoutCells() {
		assertThat(OpenData.csv(List.of()))
			.isEqualTo("month,level,department,departmentName,item,itemName,filed,finished,averageHours\r\n");
	}

	@Test
	void withholdsASecondCellSoThatNoTotalGivesAWithheldOneAway() {
		// 结婚 7 is under ten; 离婚 40 with a department total of 47 would give it away
		List<Map<String, Object>> rows = published(new MonthlyCell("2026-11", "civil", "339900-CIVIL-001", 7, 7, 3.0),
				new MonthlyCell("2026-11", "civil", "339900-CIVIL-002", 40, 35, 20.0),
				new MonthlyCell("2026-11", "tax", "339900-TAX-005", 50, 50, 1.0),
				new MonthlyCell("2026-11", "tax", "339900-TAX-003", 60, 55, 1.0));

		assertThat(withheldFiled(rows)).contains(0).hasSizeGreaterThanOrEqualTo(2);
		assertThat(derivable(rows, "filed")).isEmpty();
		assertThat(derivable(rows, "finished")).isEmpty();
	}

	@Test
	void withholdsTheDepartmentTotalWhenItsOnlyItemIsWithheldAndThenAnotherDepartmentsTotal() {
		List<Map<String, Object>> rows = published(new MonthlyCell("2026-11", "civil", "339900-CIVIL-001", 4, 2, 3.0),
				new MonthlyCell("2026-11", "tax", "339900-TAX-005", 50, 50, 1.0),
				new MonthlyCell("2026-11", "tax", "339900-TAX-003", 60, 55, 1.0),
				new MonthlyCell("2026-11", "housing", "339900-HOUSING-004", 30, 30, 1.0));

		assertThat(derivable(rows, "filed")).isEmpty();
		assertThat(derivable(rows, "finished")).isEmpty();
		assertThat(rows.get(rows.size() - 1).get("filed")).as("the month's total stays published").isEqualTo(144L);
	}

	@Test
	void leavesNothingDerivableInAnyTableOfSmallAndLargeCells() {
		// every mix of counts around the threshold across two departments of two items
		long[] values = { 0, 1, 9, 10, 11, 30 };
		for (long a : values) {
			for (long b : values) {
				for (long c : values) {
					for (long d : values) {
						List<Map<String, Object>> rows = published(
								new MonthlyCell("2026-11", "civil", "339900-CIVIL-001", a, a, 1.0),
								new MonthlyCell("2026-11", "civil", "339900-CIVIL-002", b, b, 1.0),
								new MonthlyCell("2026-11", "tax", "339900-TAX-005", c, c, 1.0),
								new MonthlyCell("2026-11", "tax", "339900-TAX-003", d, d, 1.0));

						assertThat(derivable(rows, "filed")).as("%d %d %d %d", a, b, c, d).isEmpty();
					}
				}
			}
		}
	}

	private static List<Map<String, Object>> published(MonthlyCell... cells) {
		return OpenData.published(List.of(cells), DEPARTMENTS::get, ITEMS::get);
	}

	private static List<Integer> withheldFiled(List<Map<String, Object>> rows) {
		List<Integer> withheld = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get("filed") == null) {
				withheld.add(i);
			}
		}
		return withheld;
	}

	/**
	 * The withheld counts a reader can work out exactly from the published ones and the
	 * tables' sums (Gaussian elimination over the equations total = sum of parts): a
	 * withheld count is given away when its unit vector lies in the row space of the
	 * equations restricted to the withheld counts.
	 */
	static List<Integer> derivable(List<Map<String, Object>> rows, String column) {
		List<Integer> unknown = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get(column) == null && !((List<?>) rows.get(i).get("suppressed")).isEmpty()) {
				unknown.add(i);
			}
		}
		List<double[]> equations = new ArrayList<>();
		List<Integer> parts = new ArrayList<>();
		List<Integer> departments = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String level = (String) rows.get(i).get("level");
			if ("item".equals(level)) {
				parts.add(i);
			}
			else if ("department".equals(level)) {
				equations.add(equation(unknown, i, parts));
				departments.add(i);
				parts = new ArrayList<>();
			}
			else {
				equations.add(equation(unknown, i, departments));
				departments = new ArrayList<>();
			}
		}
		List<double[]> basis = reduced(equations, unknown.size());
		List<Integer> derivable = new ArrayList<>();
		for (int k = 0; k < unknown.size(); k++) {
			double[] unit = new double[unknown.size()];
			unit[k] = 1;
			if (reduced(concat(basis, unit), unknown.size()).size() == basis.size()) {
				derivable.add(unknown.get(k));
			}
		}
		return derivable;
	}

	private static double[] equation(List<Integer> unknown, int total, List<Integer> parts) {
		double[] row = new double[unknown.size()];
		if (unknown.contains(total)) {
			row[unknown.indexOf(total)] = 1;
		}
		for (int part : parts) {
			if (unknown.contains(part)) {
				row[unknown.indexOf(part)] = -1;
			}
		}
		return row;
	}

	private static List<double[]> concat(List<double[]> rows, double[] row) {
		List<double[]> all = new ArrayList<>(rows);
		all.add(row);
		return all;
	}

	/** The independent rows left after elimination. */
	private static List<double[]> reduced(List<double[]> rows, int width) {
		List<double[]> matrix = new ArrayList<>();
		rows.forEach((row) -> matrix.add(row.clone()));
		List<double[]> independent = new ArrayList<>();
		for (int column = 0; column < width; column++) {
			int pivot = -1;
			for (int r = 0; r < matrix.size(); r++) {
				if (Math.abs(matrix.get(r)[column]) > 1e-9) {
					pivot = r;
					break;
				}
			}
			if (pivot < 0) {
				continue;
			}
			double[] p = matrix.remove(pivot);
			for (double[] row : matrix) {
				double factor = row[column] / p[column];
				for (int c = 0; c < width; c++) {
					row[c] -= factor * p[c];
				}
			}
			independent.add(p);
		}
		return independent;
	}

}
