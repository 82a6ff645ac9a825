package org.onevisit.payments;

import java.util.List;

import org.onevisit.catalog.TaxSchedule;

/**
 * The taxes an item's task assesses, with what they were assessed on (the facts read from
 * the registries and the form) and the lines they add to the order, each with its rule
 * and legal basis.
 */
public record TaxAssessment(String itemCode, TaxSchedule.Facts facts, String certificateNo, List<Payment.Line> lines) {

	public TaxAssessment {
		lines = List.copyOf(lines);
	}

}
