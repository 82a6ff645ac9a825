package org.onevisit.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.onevisit.exchange.DataElement;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.exchange.internal.Fetcher.Need;
import org.onevisit.shared.Subject;

import org.springframework.stereotype.Component;

/**
 * Whose records a field or a material that names nobody is about. For a person filing,
 * their own. For a business filing, the business's own records; a person's data element
 * (法定代表人身份证明) is about the person who acts for it, its legal representative as the
 * enterprise registry names them, read under the standing purpose {@value #PURPOSE} and
 * logged like any read. A business's element for a person filing names nobody.
 */
@Component
class Representatives {

	/** The standing purpose under which the platform reads a filing business's record. */
	static final String PURPOSE = "representative";

	private final Fetcher fetcher;

	private final DataElementCatalogue elements;

	Representatives(Fetcher fetcher, DataElementCatalogue elements) {
		this.fetcher = fetcher;
		this.elements = elements;
	}

	/**
	 * The business's legal representative's resident ID, as its enterprise record says
	 * (nothing when the registry cannot answer or holds no such business).
	 */
	Optional<String> of(String business, String actor, String reference, String purpose) {
		Need need = new Need("enterprise.registration", business, "onevisit", PURPOSE);
		Found found = this.fetcher.fetch(actor, reference, purpose, List.of(need)).get(need);
		return Optional.ofNullable(found)
			.flatMap(Found::firstRecord)
			.map((record) -> record.get("legalRepresentativeId"))
			.map(Object::toString);
	}

	/**
	 * Whom an element asked for with the form field {@code of} is about: the identifier
	 * in that field, or, with none, the filer's own record or their representative's as
	 * above ({@code representative} asked only when needed).
	 */
	Optional<String> subject(String of, String element, Map<String, Object> form, Subject filer,
			Supplier<Optional<String>> representative) {
		if (of != null) {
			return MatterShape.subject(of, form, filer.identifier());
		}
		DataElement.SubjectKind kind = this.elements.element(element).map(DataElement::subject).orElse(null);
		boolean business = filer.business() != null;
		if (kind == null || kind == DataElement.SubjectKind.ANY
				|| (kind == DataElement.SubjectKind.BUSINESS) == business) {
			return Optional.of(filer.identifier());
		}
		return (kind == DataElement.SubjectKind.PERSON) ? representative.get() : Optional.empty();
	}

}
