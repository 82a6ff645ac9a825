package org.onevisit.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import org.onevisit.catalog.CatalogueAdministration.DiffLine;

/**
 * A line diff by longest common subsequence: small texts (one item), so quadratic is
 * fine.
 */
final class LineDiff {

	private LineDiff() {
	}

	static List<DiffLine> of(String before, String after) {
		String[] a = before.split("\n", -1);
		String[] b = after.split("\n", -1);
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<DiffLine> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				lines.add(new DiffLine(' ', a[i++]));
				j++;
			}
			// on a tie the removal comes first, as in every diff a reader has seen
			else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
				lines.add(new DiffLine('-', a[i++]));
			}
			else {
				lines.add(new DiffLine('+', b[j++]));
			}

		}
		return lines;
	}

}
