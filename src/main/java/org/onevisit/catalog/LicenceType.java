package org.onevisit.catalog;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A type of electronic licence (电子证照类型): the fields it carries and, for each, the form
 * fields of an issuing item that may fill it (the first one the item's form has).
 * {@code holder} lists the form fields that name the holder when it is not the applicant
 * (the buyer of a flat); {@code validity} is empty for a licence without expiry.
 */
public record LicenceType(String name, String code, Period validity, List<String> holder, List<Field> fields) {

	public LicenceType {
		holder = (holder != null) ? List.copyOf(holder) : List.of();
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	/** One field of the licence: machine name, label as printed, and its sources. */
	public record Field(String name, String label, boolean required, List<String> from) {

		public Field {
			from = (from != null) ? List.copyOf(from) : List.of();
		}

		/** The form field of the issuing item that fills this licence field. */
		public Optional<String> sourceIn(Form form) {
			return this.from.stream().filter((candidate) -> form.field(candidate).isPresent()).findFirst();
		}

	}

	/** The form field that names the holder, if the item's form has one. */
	public Optional<String> holderIn(Form form) {
		return this.holder.stream().filter((candidate) -> form.field(candidate).isPresent()).findFirst();
	}

	/** The last day a licence issued on {@code issuedOn} is valid, if it expires. */
	public Optional<LocalDate> validUntil(LocalDate issuedOn) {
		return Optional.ofNullable(this.validity).map((period) -> issuedOn.plus(period).minusDays(1));
	}

}
