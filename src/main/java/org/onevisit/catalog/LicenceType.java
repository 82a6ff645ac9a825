package org.onevisit.catalog;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A type of electronic licence (电子证照类型) as a schema: the fields it carries, each with its
 * kind, unit, whether the law requires it and where its value comes from (the issuing
 * item's form, a registry, or what the registry answered to the item's write-back); who
 * holds it (one holder, or one licence for each of several parties); its legal number;
 * and which earlier licence a new one replaces (换发). {@code validity} is empty for a
 * licence without expiry.
 */
public record LicenceType(String name, String code, Period validity, Holder holder, LegalNumber number,
		Supersedes supersedes, List<Field> fields) {

	public LicenceType {
		holder = (holder != null) ? holder : new Holder(false, List.of());
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	/** The kind of a field's value, which decides how it is checked and printed. */
	public enum Kind {

		TEXT, DATE, NUMBER, MONEY, AREA, ID_NUMBER, CREDIT_CODE, HOLDERS

	}

	/**
	 * Where a value comes from, written in the licence types file as {@code buyerName} (a
	 * field of the item's form), {@code result:certificateNo} (a result the registry
	 * answered the item's write-back with),
	 * {@code registry:population.identity.name@partyAId} (a field of a registry element,
	 * read for the person or business a form field names) or {@code issue:issuer} /
	 * {@code issue:date} (the issuing department, the day of issue).
	 */
	public record Source(Origin origin, String name, String element, String of) {

		public enum Origin {

			FORM, RESULT, REGISTRY, ISSUE

		}

		/** The issue values a source may name. */
		public static final List<String> ISSUE_VALUES = List.of("issuer", "date");

		/** Reads the written form; empty when it does not follow the syntax. */
		public static Optional<Source> parse(String text) {
			if (text == null || text.isBlank()) {
				return Optional.empty();
			}
			if (text.startsWith("result:")) {
				return name(text.substring(7)).map((name) -> new Source(Origin.RESULT, name, null, null));
			}
			if (text.startsWith("issue:")) {
				String name = text.substring(6);
				return ISSUE_VALUES.contains(name) ? Optional.of(new Source(Origin.ISSUE, name, null, null))
						: Optional.empty();
			}
			if (text.startsWith("registry:")) {
				String rest = text.substring(9);
				int at = rest.indexOf('@');
				int dot = (at > 0) ? rest.lastIndexOf('.', at) : -1;
				if (at < 0 || dot <= 0) {
					return Optional.empty();
				}
				String element = rest.substring(0, dot);
				String field = rest.substring(dot + 1, at);
				String of = rest.substring(at + 1);
				if (field.isEmpty() || of.isEmpty() || name(of).isEmpty()) {
					return Optional.empty();
				}
				return Optional.of(new Source(Origin.REGISTRY, field, element, of));
			}
			return name(text).map((name) -> new Source(Origin.FORM, name, null, null));
		}

		private static Optional<String> name(String text) {
			return text.matches("[a-zA-Z][a-zA-Z0-9]{0,39}") ? Optional.of(text) : Optional.empty();
		}

		@Override
		public String toString() {
			return switch (this.origin) {
				case FORM -> this.name;
				case RESULT -> "result:" + this.name;
				case ISSUE -> "issue:" + this.name;
				case REGISTRY -> "registry:" + this.element + "." + this.name + "@" + this.of;
			};
		}

		/**
		 * Whether an item can ever fill this source: its form has the field, its
		 * write-back answers the result, a registry source's subject is in its form.
		 */
		public boolean availableTo(ServiceItem item) {
			return switch (this.origin) {
				case FORM -> item.form().field(this.name).isPresent();
				case RESULT -> item.writes().stream().anyMatch((change) -> change.results().contains(this.name));
				case REGISTRY -> item.form().field(this.of).isPresent();
				case ISSUE -> true;
			};
		}

	}

	/**
	 * One field of the licence: machine name, label as printed (without the unit), kind,
	 * unit printed after the value ({@code 万元}, {@code m²}), whether the law requires it,
	 * and its sources in order of preference.
	 */
	public record Field(String name, String label, Kind kind, String unit, boolean required, List<Source> from) {

		public Field {
			kind = (kind != null) ? kind : Kind.TEXT;
			from = (from != null) ? List.copyOf(from) : List.of();
		}

		/** The sources the item can fill, in order of preference. */
		public List<Source> sourcesFor(ServiceItem item) {
			return this.from.stream().filter((source) -> source.availableTo(item)).toList();
		}

	}

	/**
	 * Who holds a licence: the first source that names someone, or with {@code each}, one
	 * licence for each party the sources name (结婚证: one for each spouse). Without
	 * sources, or with none that the item fills, the applicant.
	 */
	public record Holder(boolean each, List<Source> from) {

		public Holder {
			from = (from != null) ? List.copyOf(from) : List.of();
		}

		public List<Source> sourcesFor(ServiceItem item) {
			return this.from.stream().filter((source) -> source.availableTo(item)).toList();
		}

	}

	/**
	 * The licence's legal number (证书号, 统一社会信用代码, 字号): the value of a field, or where the
	 * issuing item fills none (or the type names no field, the law giving no number), the
	 * next number of the type's yearly sequence in the pattern, {@code {year}} and
	 * {@code {seq:N}} (zero-padded to N digits) replaced.
	 */
	public record LegalNumber(String field, String sequence) {

		private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d+))?}");

		/** The pattern with the year and the sequence number filled in. */
		public String format(int year, long seq) {
			Matcher matcher = SEQ.matcher(this.sequence);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				int width = (matcher.group(1) != null) ? Integer.parseInt(matcher.group(1)) : 1;
				matcher.appendReplacement(out, String.format("%0" + width + "d", seq));
			}
			matcher.appendTail(out);
			return out.toString().replace("{year}", Integer.toString(year));
		}

	}

	/**
	 * Which licence a new one replaces (换发), revoked as superseded when it is issued: the
	 * licence of this type whose legal number is the first value of {@code byNumber} (the
	 * cancelled certificate), or, where {@code sameHolder} is set and the holder comes
	 * from one of those sources (an existing enterprise's code), the holder's previous
	 * licence of this type.
	 */
	public record Supersedes(List<Source> byNumber, List<Source> sameHolderFrom) {

		public Supersedes {
			byNumber = (byNumber != null) ? List.copyOf(byNumber) : List.of();
			sameHolderFrom = (sameHolderFrom != null) ? List.copyOf(sameHolderFrom) : List.of();
		}

	}

	public Optional<Field> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

	/** The last day a licence issued on {@code issuedOn} is valid, if it expires. */
	public Optional<LocalDate> validUntil(LocalDate issuedOn) {
		return Optional.ofNullable(this.validity).map((period) -> issuedOn.plus(period).minusDays(1));
	}

}
