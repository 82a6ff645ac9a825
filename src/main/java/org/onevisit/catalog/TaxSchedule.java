package org.onevisit.catalog;

import java.time.temporal.ChronoUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The taxes of a transaction as the law sets them, read from {@code catalog/taxes.yaml}
 * and checked at load: each tax is assessed by an item's task (the tax office's), and its
 * rate is the first of its rules in force on the day whose conditions the facts meet,
 * with that rule's legal basis. Rules are data, never Java: a new policy is a new rule
 * with its effective dates.
 */
public record TaxSchedule(List<Tax> taxes) {

	public TaxSchedule {
		taxes = List.copyOf(taxes);
	}

	/** Whether approving this item's task assesses taxes. */
	public boolean assessedBy(String itemCode) {
		return this.taxes.stream().anyMatch((tax) -> tax.assessedBy().equals(itemCode));
	}

	/** Every tax the item assesses, on these facts, on their day. */
	public List<Assessed> assess(String itemCode, Facts facts) {
		List<Assessed> assessed = new ArrayList<>();
		for (Tax tax : this.taxes) {
			if (!tax.assessedBy().equals(itemCode)) {
				continue;
			}
			Rule rule = tax.ruleFor(facts)
				.orElseThrow(
						() -> new IllegalStateException("no rule of " + tax.code() + " in force on " + facts.on()));
			BigDecimal base = tax.base().of(facts.price(), rule.rate());
			assessed.add(new Assessed(tax, rule, base, base.multiply(rule.rate()).setScale(2, RoundingMode.HALF_UP)));
		}
		return assessed;
	}

	/**
	 * One tax: its name as the payer reads it, the item whose task assesses it, what it
	 * is levied on, and its rules in order.
	 */
	public record Tax(String code, String name, String assessedBy, Base base, List<Rule> rules) {

		public Tax {
			rules = List.copyOf(rules);
		}

		/** The first rule in force on the facts' day whose conditions they meet. */
		public Optional<Rule> ruleFor(Facts facts) {
			return this.rules.stream()
				.filter((rule) -> rule.inForceOn(facts.on()) && rule.when().metBy(facts))
				.findFirst();
		}

	}

	/** What a rate applies to. */
	public enum Base {

		/** The price as filed (计税价格). */
		PRICE,
		/**
		 * The price without the tax itself, for a levy charged on the full price (价税分离).
		 */
		PRICE_EXCLUDING_TAX;

		BigDecimal of(BigDecimal price, BigDecimal rate) {
			return (this == PRICE) ? price : price.divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
		}

	}

	/**
	 * A rate (zero: exempt) under conditions, with its legal basis and the days it is in
	 * force ({@code until} inclusive, open when absent); {@code description} says the
	 * case in the payer's words.
	 */
	public record Rule(Conditions when, BigDecimal rate, String description, String basis, LocalDate from,
			LocalDate until) {

		public boolean inForceOn(LocalDate day) {
			return !day.isBefore(this.from) && (this.until == null || !day.isAfter(this.until));
		}

		public boolean exempt() {
			return this.rate.signum() == 0;
		}

	}

	/**
	 * Conditions on the facts, each absent one holding: how many homes the buyer's family
	 * (buyer, spouse) already holds, the area, the years the seller held the home, and
	 * whether it is the seller's family's only home.
	 */
	public record Conditions(Integer buyerFamilyHomes, Integer buyerFamilyHomesAtLeast, BigDecimal areaAtMost,
			BigDecimal areaAbove, Integer heldYearsAtLeast, Integer heldYearsBelow, Boolean sellerFamilyOnlyHome) {

		public static final Conditions ALWAYS = new Conditions(null, null, null, null, null, null, null);

		public boolean always() {
			return equals(ALWAYS);
		}

		public boolean metBy(Facts facts) {
			int held = facts.heldYears();
			return (this.buyerFamilyHomes == null || facts.buyerFamilyHomes() == this.buyerFamilyHomes)
					&& (this.buyerFamilyHomesAtLeast == null
							|| facts.buyerFamilyHomes() >= this.buyerFamilyHomesAtLeast)
					&& (this.areaAtMost == null || facts.area().compareTo(this.areaAtMost) <= 0)
					&& (this.areaAbove == null || facts.area().compareTo(this.areaAbove) > 0)
					&& (this.heldYearsAtLeast == null || held >= this.heldYearsAtLeast)
					&& (this.heldYearsBelow == null || held < this.heldYearsBelow) && (this.sellerFamilyOnlyHome == null
							|| (facts.sellerFamilyHomes() == 1) == this.sellerFamilyOnlyHome);
		}

	}

	/**
	 * What a tax is assessed on: the price filed, the home's area and when the seller
	 * registered it (from the property register), how many homes the buyer's and the
	 * seller's families hold (the property register, with the spouses the marriage
	 * register names), on the day of assessment.
	 */
	public record Facts(BigDecimal price, BigDecimal area, LocalDate registeredOn, int buyerFamilyHomes,
			int sellerFamilyHomes, LocalDate on) {

		/** Whole years the seller has held the home on the day. */
		public int heldYears() {
			return (int) ChronoUnit.YEARS.between(this.registeredOn, this.on);
		}

	}

	/** One tax assessed: the rule applied, the amount it is levied on, and the tax. */
	public record Assessed(Tax tax, Rule rule, BigDecimal base, BigDecimal amount) {
	}

}
