package org.onevisit.dashboard.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;

/**
 * Which counts of a published table are withheld. A count under {@link #MIN_CELL} is
 * withheld (primary suppression): it is about fewer than ten people. Every published
 * total is an equation (total = sum of its parts), and an equation with exactly one
 * withheld member gives that member away; so, until no equation has exactly one, the
 * smallest published member of such an equation is withheld too (complementary
 * suppression). The tables here nest (items in a department, departments in a month), and
 * in nested equations two unknowns in each leave every unknown undetermined.
 */
final class Suppression {

	/** The smallest count published. */
	static final int MIN_CELL = 10;

	private final List<Long> values = new ArrayList<>();

	private final List<List<Integer>> equations = new ArrayList<>();

	/** A count of the table; returns its index. */
	int count(long value) {
		this.values.add(value);
		return this.values.size() - 1;
	}

	/** A total made of parts: {@code total = sum of parts}, both given by index. */
	void total(int total, List<Integer> parts) {
		List<Integer> members = new ArrayList<>(parts);
		members.add(0, total);
		this.equations.add(members);
	}

	/** The indexes of the counts withheld. */
	Set<Integer> withheld() {
		Set<Integer> withheld = new HashSet<>();
		for (int i = 0; i < this.values.size(); i++) {
			if (this.values.get(i) < MIN_CELL) {
				withheld.add(i);
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (List<Integer> equation : this.equations) {
				long unknown = equation.stream().filter(withheld::contains).count();
				if (unknown != 1) {
					continue;
				}
				// the smallest part says least; the total only when no part is left
				Integer next = equation.subList(1, equation.size())
					.stream()
					.filter((member) -> !withheld.contains(member))
					.min(Comparator.comparingLong(this.values::get))
					.orElse(equation.get(0));
				if (withheld.contains(next)) {
					continue;
				}
				withheld.add(next);
				changed = true;
			}
		}
		return withheld;
	}

	/** Groups the keys by a part of them, in order of first appearance. */
	static <K, G> Map<G, List<K>> grouped(List<K> keys, Function<K, G> by) {
		Map<G, List<K>> groups = new LinkedHashMap<>();
		keys.forEach((key) -> groups.computeIfAbsent(by.apply(key), (g) -> new ArrayList<>()).add(key));
		return groups;
	}

}
