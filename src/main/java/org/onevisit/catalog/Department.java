package org.onevisit.catalog;

import org.onevisit.shared.CreditCode;

/**
 * A government department of a region, known by a short code and its unified social
 * credit code.
 */
public record Department(String code, String name, String regionCode, CreditCode creditCode) {

	public Department {
		if (code == null || !code.matches("[a-z][a-z0-9-]{1,30}")) {
			throw new IllegalArgumentException("a department code is lower-case letters, digits and '-': " + code);
		}
	}

}
