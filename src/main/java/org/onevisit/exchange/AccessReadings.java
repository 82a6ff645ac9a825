package org.onevisit.exchange;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.onevisit.catalog.Directory;
import org.onevisit.identity.People;
import org.onevisit.platform.Sentence;
import org.onevisit.platform.Sentences;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The ledger's accesses to a person's data as that person reads them (我的数据): the
 * department by name, who by name and role, the registry and its data elements by their
 * names in the data catalogue; never the codes the ledger keeps.
 */
@Component
public class AccessReadings {

	/**
	 * One access, rendered; {@code seq} is its place in the ledger (and its log entry's
	 * name).
	 */
	public record Reading(long seq, Instant at, String department, String who, String registry, String elements,
			String purpose, String outcome) {
	}

	private final DataCatalogue data;

	private final Directory directory;

	private final People people;

	private final Sentences sentences;

	public AccessReadings(DataCatalogue data, Directory directory, People people, Sentences sentences) {
		this.data = data;
		this.directory = directory;
		this.people = people;
		this.sentences = sentences;
	}

	/** These accesses in the current request's language. */
	public List<Reading> of(List<AccessEntry> accesses) {
		Locale locale = LocaleContextHolder.getLocale();
		String separator = this.sentences.render(Sentence.of("sentence.separator").stored(), locale);
		return accesses.stream().map((access) -> reading(access, separator, locale)).toList();
	}

	private Reading reading(AccessEntry access, String separator, Locale locale) {
		String department = this.directory.departmentName(access.consumer());
		String registry = this.data.registry(access.registry()).map(Registry::name).orElse(access.registry());
		List<String> elements = Arrays.stream(access.elements().split("\\s*,\\s*"))
			.filter((code) -> !code.isBlank())
			.map((code) -> this.data.element(code).map(DataElement::name).orElse(code))
			.toList();
		return new Reading(access.seq(), access.at(), department,
				this.sentences.render(this.people.nameOf(access.actor()).stored(), locale), registry,
				String.join(separator, elements), access.purpose(), access.outcome());
	}

}
