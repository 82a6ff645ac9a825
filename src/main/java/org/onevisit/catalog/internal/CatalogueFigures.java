package org.onevisit.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueIndicators;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.ServiceItem;

/**
 * The indicators of a published catalogue: how much of it can be done online, in one
 * visit or on the spot, what materials it still asks citizens to bring, and how far the
 * committed time limits beat the statutory ones, overall and per department.
 */
final class CatalogueFigures {

	private CatalogueFigures() {
	}

	static CatalogueIndicators indicators(List<ServiceItem> all, List<Bundle> bundles, Map<String, String> names) {
		Map<String, List<ServiceItem>> byDepartment = all.stream()
			.collect(Collectors.groupingBy(ServiceItem::departmentCode, TreeMap::new, Collectors.toList()));
		List<CatalogueIndicators.DepartmentFigures> departments = byDepartment.entrySet().stream().map((entry) -> {
			Figures figures = Figures.of(entry.getValue());
			return new CatalogueIndicators.DepartmentFigures(entry.getKey(),
					names.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue().size(),
					figures.materialsBefore, figures.toUpload,
					share(figures.materialsBefore - figures.toUpload, figures.materialsBefore),
					figures.averageStatutory, figures.averageCommitted);
		}).toList();
		Figures figures = Figures.of(all);
		long online = all.stream().filter((item) -> item.channels().online()).count();
		long zeroVisits = all.stream().filter((item) -> item.visits() == 0).count();
		long onTheSpot = all.stream().filter(ServiceItem::onTheSpot).count();
		return new CatalogueIndicators(all.size(), bundles.size(), share(online, all.size()),
				share(zeroVisits, all.size()), share(onTheSpot, all.size()), figures.materialsBefore, figures.listed,
				figures.toUpload, figures.shared, figures.licences, figures.waived,
				share(figures.materialsBefore - figures.toUpload, figures.materialsBefore), figures.averageStatutory,
				figures.averageCommitted, (figures.averageStatutory > 0)
						? round(100 * (1 - figures.averageCommitted / figures.averageStatutory)) : 0,
				departments);
	}

	private static double share(long part, long whole) {
		return (whole == 0) ? 0 : round(100.0 * part / whole);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private record Figures(int materialsBefore, int listed, int toUpload, int shared, int licences, int waived,
			double averageStatutory, double averageCommitted) {

		static Figures of(List<ServiceItem> items) {
			int before = 0;
			int listed = 0;
			int upload = 0;
			int shared = 0;
			int licences = 0;
			int waived = 0;
			for (ServiceItem item : items) {
				before += item.materialsBefore();
				for (Material material : item.materials()) {
					listed++;
					switch (material.source()) {
						case UPLOAD -> upload++;
						case SHARED_DATA -> shared++;
						case LICENCE -> licences++;
						case WAIVED -> waived++;
					}
				}
			}
			double statutory = items.stream().mapToInt(ServiceItem::statutoryLimit).average().orElse(0);
			double committed = items.stream().mapToInt(ServiceItem::committedLimit).average().orElse(0);
			return new Figures(before, listed, upload, shared, licences, waived, round(statutory), round(committed));
		}

	}

}
