package org.onevisit.catalog;

import java.util.List;

/**
 * The reform's indicators as the catalogue defines them (shares in percent, one decimal):
 * how many items can be done online, with no visit, on the spot; how many materials were
 * cut at the source (before the reform against what applicants still hand in); and
 * committed against statutory limits.
 */
public record CatalogueIndicators(int items, int bundles, double onlineShare, double zeroVisitShare,
		double onTheSpotShare, int materialsBefore, int materialsListed, int materialsToUpload, int materialsShared,
		int materialsFromLicences, int materialsWaived, double materialsCutShare, double averageStatutoryLimit,
		double averageCommittedLimit, double limitReductionShare, List<DepartmentFigures> departments) {

	/** The same figures for one department. */
	public record DepartmentFigures(String departmentCode, String departmentName, int items, int materialsBefore,
			int materialsToUpload, double materialsCutShare, double averageStatutoryLimit,
			double averageCommittedLimit) {
	}

}
