package org.onevisit.catalog;

import java.math.BigDecimal;

/**
 * A fee with its amount in yuan per unit and the document that sets it; no fee means free
 * of charge.
 */
public record Fee(String name, BigDecimal amount, String unit, String basis) {

}
