package org.onevisit.payments.internal;

import java.util.HashMap;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Filing;
import org.onevisit.applications.FormCheck;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.TaxSchedule;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.exchange.RegistryReads;
import org.onevisit.identity.Actor;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.payments.TaxAssessment;
import org.onevisit.platform.Sentence;

import org.springframework.stereotype.Component;

/**
 * Assesses the taxes of a transfer as the tax task is reviewed: the price from the form,
 * the home sold (area, when the seller registered it) from the property register, and the
 * homes the buyer's and the seller's families hold, from the property register of each
 * and of the spouse the marriage register names. Every read is on the exchange's ledger,
 * as the reviewer, for this item. The rules and rates are the {@link TaxSchedule}'s.
 */
@Component
class TaxAssessor {

	// the fields of the assessing item's form (339900-TAX-001) the facts are read from
	static final String SELLER = "transferorId";

	static final String BUYER = "transfereeId";

	static final String PRICE = "price";

	static final String PROPERTY = "certificateNo";

	private static final String OWNERSHIP = "realestate.ownership";

	private static final String MARRIAGE = "marriage.status";

	private final TaxSchedule schedule;

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final RegistryReads registries;

	private final Clock clock;

	TaxAssessor(TaxSchedule schedule, ApplicationManagement applications, Catalogue catalogue, RegistryReads registries,
			Clock clock) {
		this.schedule = schedule;
		this.applications = applications;
		this.catalogue = catalogue;
		this.registries = registries;
		this.clock = clock;
	}

	boolean assesses(String itemCode) {
		return this.schedule.assessedBy(itemCode);
	}

	/** The item's taxes for the application now; empty when the item assesses none. */
	Optional<TaxAssessment> assess(ApplicationId application, String itemCode, Actor by) {
		if (!assesses(itemCode)) {
			return Optional.empty();
		}
		Filing filing = this.applications.filing(application);
		Map<String, Object> form = (filing.bundleCode() != null)
				? FormCheck.itemForm(this.catalogue.bundle(filing.bundleCode()).content(), filing.form(), itemCode)
				: filing.form();
		String seller = text(form.get(SELLER));
		String buyer = text(form.get(BUYER));
		BigDecimal price = number(form.get(PRICE));
		if (seller == null || buyer == null || price == null) {
			throw PaymentRefused.assessmentUnconfirmed(itemCode);
		}
		ServiceItem item = this.catalogue.item(itemCode).content();
		String purpose = Sentence.of("payments.assessment.purpose", item.name()).stored();
		Map<DataQuery, DataReading> first = read(by, item, filing, purpose, List.of(new DataQuery(OWNERSHIP, seller),
				new DataQuery(MARRIAGE, seller), new DataQuery(OWNERSHIP, buyer), new DataQuery(MARRIAGE, buyer)));
		Optional<String> sellerSpouse = spouse(first.get(new DataQuery(MARRIAGE, seller)));
		Optional<String> buyerSpouse = spouse(first.get(new DataQuery(MARRIAGE, buyer)));
		List<DataQuery> spouses = new ArrayList<>();
		sellerSpouse.ifPresent((spouse) -> spouses.add(new DataQuery(OWNERSHIP, spouse)));
		buyerSpouse.ifPresent((spouse) -> spouses.add(new DataQuery(OWNERSHIP, spouse)));
		Map<DataQuery, DataReading> second = spouses.isEmpty() ? Map.of()
				: read(by, item, filing, purpose, spouses.stream().distinct().toList());
		List<Map<String, Object>> sellers = owned(first.get(new DataQuery(OWNERSHIP, seller)));
		String certificate = text(form.get(PROPERTY));
		if (certificate == null) {
			certificate = text(filing.form().get(PROPERTY));
		}
		Map<String, Object> sold = sold(sellers, certificate)
			.orElseThrow(() -> PaymentRefused.assessmentUnconfirmed(itemCode));
		String soldCertificate = text(sold.get("certificateNo"));
		BigDecimal area = number(sold.get("area"));
		LocalDate registeredOn = day(sold.get("registeredOn"));
		if (area == null || registeredOn == null) {
			throw PaymentRefused.assessmentUnconfirmed(itemCode);
		}
		List<Map<String, Object>> sellerFamily = new ArrayList<>(sellers);
		sellerSpouse.ifPresent((spouse) -> sellerFamily.addAll(owned(second.get(new DataQuery(OWNERSHIP, spouse)))));
		List<Map<String, Object>> buyerFamily = new ArrayList<>(owned(first.get(new DataQuery(OWNERSHIP, buyer))));
		buyerSpouse.ifPresent((spouse) -> buyerFamily.addAll(owned(second.get(new DataQuery(OWNERSHIP, spouse)))));
		TaxSchedule.Facts facts = new TaxSchedule.Facts(price, area, registeredOn, homes(buyerFamily, soldCertificate),
				homes(sellerFamily, null), LocalDate.now(this.clock));
		List<Payment.Line> lines = this.schedule.assess(itemCode, facts)
			.stream()
			.map((assessed) -> new Payment.Line(itemCode, assessed.tax().name(), assessed.amount(),
					assessed.rule().basis(), assessed.rule().description(), assessed.rule().rate(), assessed.base()))
			.toList();
		return Optional.of(new TaxAssessment(itemCode, facts, soldCertificate, lines));
	}

	private Map<DataQuery, DataReading> read(Actor by, ServiceItem item, Filing filing, String purpose,
			List<DataQuery> queries) {
		Map<DataQuery, DataReading> readings = new HashMap<>();
		for (DataReading reading : this.registries.read(by.username(), item.departmentCode(), item.code(),
				filing.trackingNumber(), purpose, queries)) {
			switch (reading.reading()) {
				case CURRENT, NOT_FOUND -> readings.put(reading.query(), reading);
				// a tax is not assessed on data the registry cannot vouch for now
				default -> throw PaymentRefused.assessmentUnconfirmed(item.code());
			}
		}
		return readings;
	}

	private static Optional<String> spouse(DataReading marriage) {
		if (marriage == null || marriage.reading() != DataReading.Reading.CURRENT) {
			return Optional.empty();
		}
		return Optional.ofNullable(text(marriage.record().get("spouseId")));
	}

	private static List<Map<String, Object>> owned(DataReading ownership) {
		return (ownership != null && ownership.reading() == DataReading.Reading.CURRENT) ? ownership.records()
				: List.of();
	}

	/** The home sold: the one named, or the seller's only one. */
	private static Optional<Map<String, Object>> sold(List<Map<String, Object>> owned, String certificate) {
		if (certificate != null) {
			return owned.stream().filter((record) -> certificate.equals(text(record.get("certificateNo")))).findFirst();
		}
		return (owned.size() == 1) ? Optional.of(owned.get(0)) : Optional.empty();
	}

	/** Distinct homes among the records, the one excepted. */
	private static int homes(List<Map<String, Object>> records, String except) {
		Set<String> certificates = new HashSet<>();
		records.stream()
			.map((record) -> text(record.get("certificateNo")))
			.filter(Objects::nonNull)
			.filter((certificate) -> !certificate.equals(except))
			.forEach(certificates::add);
		return certificates.size();
	}

	private static String text(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString().strip();
	}

	private static BigDecimal number(Object value) {
		try {
			return (text(value) != null) ? new BigDecimal(text(value)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDate day(Object value) {
		try {
			return (text(value) != null) ? LocalDate.parse(text(value)) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
