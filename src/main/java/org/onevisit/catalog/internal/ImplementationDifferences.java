package org.onevisit.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.ImplementationDifference;
import org.onevisit.catalog.ImplementationField;
import org.onevisit.catalog.ServiceItem;

/**
 * The 同一事项无差别 report: for each basic item, every pair of regions' implementations and
 * every attribute in which they differ, marked allowed where the province leaves it to
 * the regions.
 */
final class ImplementationDifferences {

	private ImplementationDifferences() {
	}

	static List<ImplementationDifference> between(List<ServiceItem> implementations, List<BasicItem> basics) {
		Map<String, BasicItem> byCode = basics.stream().collect(Collectors.toMap(BasicItem::code, Function.identity()));
		Map<String, List<ServiceItem>> byBasic = implementations.stream()
			.sorted(Comparator.comparing(ServiceItem::code))
			.collect(Collectors.groupingBy(ServiceItem::basicCode));
		List<ImplementationDifference> differences = new ArrayList<>();
		byBasic.keySet().stream().sorted().forEach((basicCode) -> {
			BasicItem basic = byCode.get(basicCode);
			List<ServiceItem> items = byBasic.get(basicCode);
			for (int a = 0; a < items.size(); a++) {
				for (int b = a + 1; b < items.size(); b++) {
					ServiceItem one = items.get(a);
					ServiceItem other = items.get(b);
					for (ImplementationField field : ImplementationField.values()) {
						if (field.differs(one, other)) {
							differences.add(new ImplementationDifference(basicCode,
									(basic != null) ? basic.name() : one.name(), field, one.code(), one.regionCode(),
									shown(field.valueOf(one)), other.code(), other.regionCode(),
									shown(field.valueOf(other)), basic == null || !basic.fixes(field)));
						}
					}
				}
			}
		});
		return differences;
	}

	/** A value as the report shows it: short enough for a table cell. */
	private static String shown(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 200) ? text.substring(0, 199) + "…" : text;
	}

}
