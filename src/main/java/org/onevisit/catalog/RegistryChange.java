package org.onevisit.catalog;

import java.util.List;

/**
 * A change an approved item makes to a department's registry (回写): the registry written
 * and the results the registry answers with, which the item's licence may carry (the new
 * certificate number, the assigned credit code). Catalogue YAML names them in camel case
 * under an item's {@code writes}.
 */
public enum RegistryChange {

	/**
	 * Ownership moves to the buyers with their shares; the old certificate is cancelled.
	 */
	PROPERTY_TRANSFER("realestate",
			List.of("certificateNo", "unitNo", "rightType", "usage", "area", "termUntil", "coOwnership", "owners",
					"location", "cancelledCertificate")),
	/** Both spouses' marital status becomes married. */
	MARRIAGE_REGISTRATION("marriage", List.of("registrationNo", "registeredOn", "office")),
	/** A new enterprise with a newly assigned unified social credit code. */
	ENTERPRISE_REGISTRATION("enterprise", List.of("creditCode", "enterpriseType", "establishedOn", "businessTerm")),
	/**
	 * A new individual business (个体工商户) in the same registry: registered under its shop
	 * name and its operator (经营者), with a credit code of its own (92…).
	 */
	INDIVIDUAL_BUSINESS_REGISTRATION("enterprise",
			List.of("creditCode", "enterpriseType", "establishedOn", "businessTerm")),
	/** A newborn entered in a parent's household. */
	BIRTH_REGISTRATION("population", List.of("householdNo", "childId")),
	/**
	 * The mortgage the mortgagee holds on a flat ends (the secured debt is paid): the
	 * owners get a certificate without it in place of the old one.
	 */
	MORTGAGE_RELEASE("realestate", List.of("certificateNo", "unitNo", "rightType", "usage", "area", "termUntil",
			"coOwnership", "owners", "location", "cancelledCertificate", "releasedOn"));

	private final String registry;

	private final List<String> results;

	RegistryChange(String registry, List<String> results) {
		this.registry = registry;
		this.results = results;
	}

	/** The registry (exchange registry code) the change is written to. */
	public String registry() {
		return this.registry;
	}

	/** The names of the results the registry answers with once the change is applied. */
	public List<String> results() {
		return this.results;
	}

}
