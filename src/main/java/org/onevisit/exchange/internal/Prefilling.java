package org.onevisit.exchange.internal;

import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.time.Instant;

import org.onevisit.applications.HeldLicences;
import org.onevisit.shared.Subject;
import org.onevisit.applications.HouseholdRegions;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.DataElement;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.LedgerVerification;
import org.onevisit.exchange.PrefillRequest;
import org.onevisit.exchange.Prefilled;
import org.onevisit.exchange.Prefilled.FieldSource;
import org.onevisit.exchange.Prefilled.MaterialPreview;
import org.onevisit.exchange.Prefilled.Outcome;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.exchange.internal.Fetcher.Need;
import org.onevisit.exchange.internal.MatterShape.DataMaterial;
import org.onevisit.exchange.internal.MatterShape.PrefilledField;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.TimeOrderedIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.onevisit.shared.ResidentId;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.shared.CreditCode;

/**
 * Pre-fills a matter's form and previews its shared-data materials from the records of
 * the filer (the applicant, or the person a clerk identified at the window) only. Asks in
 * rounds: first the fields that name others from the filer's own records (the buyer's ID
 * in the seller's sale contract), then the rest, at most three rounds. About anyone else
 * the filer gets only whether the name entered matches the ID number: their records are
 * read after filing, for the matter, once they have confirmed it.
 */
@Service
class Prefilling implements DataExchange, HouseholdRegions {

	private static final int ROUNDS = 3;

	/**
	 * The standing purpose under which the platform checks a name against an ID number.
	 */
	private static final String IDENTITY_MATCH = "identity-match";

	private final Catalogue catalogue;

	private final Fetcher fetcher;

	private final AccessLedger ledger;

	private final DataElementCatalogue elements;

	// looked up on first use: getIfAvailable resolves the dependency anew on every call
	private final Supplier<HeldLicences> licences;

	private final Clock clock;

	private final String inOperation;

	private final Representatives representatives;

	private final BehalfReads reads;

	Prefilling(Catalogue catalogue, Fetcher fetcher, AccessLedger ledger, DataElementCatalogue elements,
			ObjectProvider<HeldLicences> licences, Clock clock,
			@Value("${onevisit.exchange.enterprise-in-operation}") String inOperation, Representatives representatives,
			BehalfReads reads) {
		this.representatives = representatives;
		this.reads = reads;
		this.catalogue = catalogue;
		this.fetcher = fetcher;
		this.ledger = ledger;
		this.elements = elements;
		this.licences = SingletonSupplier.of(licences::getIfAvailable);
		this.clock = clock;
		this.inOperation = inOperation;
	}

	@Override
	public Prefilled prefill(PrefillRequest request) {
		PrefillRun run = new PrefillRun(request);
		run.fillOwnIdentifiers();
		for (int round = 0; round < ROUNDS; round++) {
			List<Need> needs = run.nextQuestions();
			if (needs.isEmpty()) {
				break;
			}
			run.ask(needs);
			run.fillBlankFieldsFromAnswers();
		}
		return new Prefilled(run.reference, run.form, run.sources, run.previews(), run.matchAnswers());
	}

	/**
	 * One pre-fill as it goes: the form filling up, where each value came from, and what
	 * the registries answered so far.
	 */
	private final class PrefillRun {

		private final MatterShape shape;

		private final String reference;

		private final String username;

		private final String purpose;

		private final String matterName;

		private final String onBehalfOf;

		private final String applicant;

		private final Subject filer;

		/**
		 * For a business filing, the person who acts for it as its enterprise record
		 * says: their data is the business's own as far as pre-filling goes.
		 */
		private final Optional<String> representative;

		private final Map<String, Object> form;

		private final Map<String, FieldSource> sources = new HashMap<>();

		private final Map<Key, Found> found = new HashMap<>();

		private final List<DataMaterial> materials;

		/**
		 * The fields that say whose other records are (the buyer's ID in the seller's
		 * contract): they are asked for first, alone, so that each registry is then asked
		 * once for all parties.
		 */
		private final Set<String> keyFields = new HashSet<>();

		PrefillRun(PrefillRequest request) {
			this.shape = MatterShape.of(Prefilling.this.catalogue, request.itemCode(), request.bundleCode());
			this.reference = "prefill:" + TimeOrderedIds.next();
			this.username = request.username();
			this.matterName = Prefilling.this.catalogue.matterName(request.bundleCode(), request.itemCode());
			this.onBehalfOf = onBehalfOf(request.applicant());
			this.purpose = Sentence.of("exchange.purpose.prefillFor", this.matterName, this.onBehalfOf).stored();
			this.applicant = request.applicant().identifier();
			this.filer = request.applicant();
			this.representative = (this.filer.business() != null)
					? Prefilling.this.representatives.of(this.applicant, this.username, this.reference, this.purpose)
					: Optional.empty();
			this.form = new LinkedHashMap<>(request.typed());
			this.materials = this.shape.materials()
				.stream()
				.filter((material) -> !heldAsLicence(material, request.applicant()))
				.toList();
			this.shape.fields().stream().map((field) -> field.prefill().of()).forEach(this.keyFields::add);
			this.materials.stream().map(DataMaterial::of).forEach(this.keyFields::add);
		}

		/**
		 * A field asking for the identifier of the very record looked up by it is that
		 * identifier: the applicant's ID number needs no registry call.
		 */
		void fillOwnIdentifiers() {
			for (PrefilledField field : this.shape.fields()) {
				if (blank(this.form.get(field.name())) && isOwnIdentifier(field)) {
					subjectOf(field.prefill().of(), field.prefill().element()).ifPresent((subject) -> {
						this.form.put(field.name(), subject);
						// a business's legal representative is named by its enterprise
						// record
						String element = subject.equals(this.applicant) ? field.prefill().element()
								: "enterprise.registration";
						this.sources.put(field.name(), new FieldSource(element, registryOf(element), null));
					});
				}
			}
		}

		/**
		 * What to ask the registries this round, none of it asked before: the blank key
		 * fields if there are any, otherwise every field and material whose subject is
		 * known by now.
		 */
		List<Need> nextQuestions() {
			Set<Need> needs = new LinkedHashSet<>();
			Set<Key> asked = new HashSet<>();
			for (PrefilledField field : this.shape.fields()) {
				if (this.keyFields.contains(field.name()) && blank(this.form.get(field.name()))) {
					addNeed(needs, asked, field);
				}
			}
			if (needs.isEmpty()) {
				this.shape.fields().forEach((field) -> addNeed(needs, asked, field));
				for (DataMaterial material : this.materials) {
					addNeed(needs, asked, material.of(), material.material().dataElement(), material.department(),
							material.item());
				}
			}
			return List.copyOf(needs);
		}

		void ask(List<Need> needs) {
			Prefilling.this.fetcher.fetch(this.username, this.reference, this.purpose, needs)
				.forEach((need, result) -> this.found.put(new Key(need.element(), need.subject()), result));
		}

		/**
		 * Fills each blank field from the first record found for it, noting its source.
		 */
		void fillBlankFieldsFromAnswers() {
			for (PrefilledField field : this.shape.fields()) {
				if (!blank(this.form.get(field.name()))) {
					continue;
				}
				subjectOf(field.prefill().of(), field.prefill().element())
					.map((subject) -> this.found.get(new Key(field.prefill().element(), subject)))
					.filter((result) -> result.firstRecord().isPresent())
					.ifPresent((result) -> fill(field, result));
			}
		}

		List<MaterialPreview> previews() {
			List<MaterialPreview> previews = new ArrayList<>();
			for (DataMaterial material : this.materials) {
				Optional<String> subject = subjectOf(material.of(), material.material().dataElement());
				if (subject.isPresent() && !own(subject.get())) {
					previews.add(afterConfirmation(material, subject.get()));
					continue;
				}
				Found result = subject.map((s) -> this.found.get(new Key(material.material().dataElement(), s)))
					.orElse(null);
				previews.add(preview(material, subject.orElse(null), result));
			}
			return previews;
		}

		private void fill(PrefilledField field, Found result) {
			Object value = result.firstRecord().orElseThrow().get(field.prefill().field());
			if (value != null) {
				this.form.put(field.name(), value);
				this.sources.put(field.name(),
						new FieldSource(field.prefill().element(),
								Prefilling.this.elements.registryName(result.evidence().registry()),
								(result.evidence().updatedAt() != null) ? LocalDate
									.ofInstant(result.evidence().updatedAt(), Prefilling.this.clock.getZone())
									.toString() : null));
			}
		}

		private void addNeed(Set<Need> needs, Set<Key> asked, PrefilledField field) {
			addNeed(needs, asked, field.prefill().of(), field.prefill().element(), field.department(), field.item());
		}

		private void addNeed(Set<Need> needs, Set<Key> asked, String of, String element, String consumer, String item) {
			// only the filer's own records: another person's are read after they confirm
			subjectOf(of, element).filter(this::own).ifPresent((subject) -> {
				Key key = new Key(element, subject);
				if (!this.found.containsKey(key) && asked.add(key)) {
					needs.add(new Need(key.element(), subject, consumer, item));
				}
			});
		}

		private Optional<String> subjectOf(String of, String element) {
			return Prefilling.this.representatives.subject(of, element, this.form, this.filer,
					() -> this.representative);
		}

		private boolean own(String subject) {
			return subject.equals(this.applicant) || this.representative.filter(subject::equals).isPresent();
		}

		/**
		 * For each person the form names other than the filer, whether the name entered
		 * matches the ID number in the population registry: that answer only, never the
		 * record it was checked against.
		 */
		Map<String, String> matchAnswers() {
			Map<String, Need> asked = new LinkedHashMap<>();
			Map<String, String> answers = new LinkedHashMap<>();
			for (MatterShape.PersonField person : this.shape.people()) {
				Optional<String> subject = subjectOf(person.name(), null).filter((id) -> !own(id));
				if (subject.isEmpty() || !ResidentId.isValid(subject.get())) {
					continue;
				}
				Object name = (person.nameField() != null) ? this.form.get(person.nameField()) : null;
				if (blank(name)) {
					answers.put(person.name(), Sentence.of("exchange.match.nameMissing").stored());
					continue;
				}
				asked.put(person.name(), new Need("population.identity", subject.get(), "onevisit", IDENTITY_MATCH));
			}
			if (asked.isEmpty()) {
				return answers;
			}
			Map<Need, Found> found = Prefilling.this.fetcher.fetch(this.username, this.reference,
					Sentence.of("exchange.purpose.identityMatch", this.matterName, this.onBehalfOf).stored(),
					List.copyOf(new LinkedHashSet<>(asked.values())));
			for (MatterShape.PersonField person : this.shape.people()) {
				Need need = asked.get(person.name());
				if (need != null) {
					answers.put(person.name(),
							Sentence
								.of(matchAnswer(found.get(need), this.form.get(person.nameField()).toString().strip()))
								.stored());
				}
			}
			return answers;
		}

		private String registryOf(String element) {
			return Prefilling.this.elements
				.registryName(Prefilling.this.elements.element(element).map(DataElement::registry).orElse(""));
		}

	}

	private MaterialPreview preview(DataMaterial material, String subject, Found result) {
		String element = material.material().dataElement();
		String registryName = this.elements.element(element)
			.map((e) -> this.elements.registryName(e.registry()))
			.orElse(element);
		if (result == null) {
			return new MaterialPreview(material.material().code(), material.material().name(), element, registryName,
					subject, Outcome.PENDING, null, null, Sentence.of("exchange.note.awaitingSubject").stored(),
					List.of());
		}
		Outcome outcome = switch (result.kind()) {
			case FETCHED -> Outcome.FETCHED;
			case PENDING -> Outcome.PENDING;
			case UNUSABLE, REFUSED -> Outcome.NEEDS_UPLOAD;
		};
		var evidence = result.evidence();
		return new MaterialPreview(material.material().code(), material.material().name(), element, registryName,
				subject, outcome, (evidence != null) ? evidence.id().toString() : null,
				(evidence != null && evidence.updatedAt() != null)
						? LocalDate.ofInstant(evidence.updatedAt(), this.clock.getZone()).toString() : null,
				result.note(), (evidence != null) ? evidence.records() : List.of());
	}

	/**
	 * Another person's material: the departments read it once the matter is filed and
	 * that person has confirmed it.
	 */
	private MaterialPreview afterConfirmation(DataMaterial material, String subject) {
		String element = material.material().dataElement();
		String registryName = this.elements.element(element)
			.map((e) -> this.elements.registryName(e.registry()))
			.orElse(element);
		return new MaterialPreview(material.material().code(), material.material().name(), element, registryName,
				subject, Outcome.AFTER_CONFIRMATION, null, null,
				Sentence.of("exchange.note.afterConfirmation").stored(), List.of());
	}

	/** The match answer's sentence code for what the registry said of the name. */
	private static String matchAnswer(Found found, String name) {
		if (found == null || found.unanswered()) {
			return "exchange.match.unavailable";
		}
		return found.firstRecord()
			.map((record) -> name.equals(record.get("name")) ? "exchange.match.yes" : "exchange.match.no")
			.orElse("exchange.match.notFound");
	}

	/**
	 * On whose behalf a pre-fill reads, as the ledger names it: the filer, by their
	 * masked ID number or their credit code.
	 */
	private static String onBehalfOf(Subject filer) {
		return (filer.person() != null) ? filer.person().masked() : filer.business().value();
	}

	private boolean heldAsLicence(DataMaterial material, Subject applicant) {
		if (material.material().source() != MaterialSource.LICENCE || material.of() != null) {
			return false;
		}
		HeldLicences wallet = this.licences.get();
		return wallet != null && wallet.standingLicence(applicant, material.material().licenceType()).isPresent();
	}

	@Override
	public PersonCheck checkPerson(ResidentId residentId, String name) {
		Need need = new Need("population.identity", residentId.value(), Fetcher.PLATFORM, "registration");
		Need mobile = new Need("population.mobile", residentId.value(), Fetcher.PLATFORM, "registration");
		Map<Need, Found> answers = this.fetcher.fetchForPlatform("registration", "exchange.purpose.personRegistration",
				List.of(need, mobile));
		Found found = answers.get(need);
		if (found.unanswered()) {
			return new PersonCheck(IdentityCheck.UNAVAILABLE, Optional.empty());
		}
		Optional<Map<String, Object>> registered = found.firstRecord();
		if (registered.isEmpty()) {
			return new PersonCheck(IdentityCheck.NOT_FOUND, Optional.empty());
		}
		if (name == null || !name.strip().equals(registered.get().get("name"))) {
			return new PersonCheck(IdentityCheck.DOES_NOT_MATCH, Optional.empty());
		}
		Optional<String> number = Optional.ofNullable(answers.get(mobile))
			.flatMap(Found::firstRecord)
			.map((record) -> record.get("mobile"))
			.map(Object::toString);
		return new PersonCheck(IdentityCheck.MATCHES, number);
	}

	@Override
	public Optional<List<DataReading>> scan(String consumer, String purposeKey, String purpose, String element,
			RegistryRequest.Where where) {
		return this.fetcher.scan("onevisit", consumer, purposeKey, purpose, element, where)
			.map((found) -> found.stream().map(this.reads::reading).toList());
	}

	@Override
	public List<DataReading> read(String consumer, String itemCode, String reference, String purpose,
			List<DataQuery> queries) {
		return this.reads.read("onevisit", consumer, itemCode, reference, purpose, queries);
	}

	@Override
	public Representation checkRepresentative(CreditCode enterprise, ResidentId person, String name) {
		Found found = this.fetcher.fetchForPlatform("enterprise.registration", enterprise.value(), "registration",
				"exchange.purpose.businessRegistration");
		if (found.unanswered()) {
			return new Representation(RepresentativeCheck.UNAVAILABLE, null);
		}
		if (found.firstRecord().isEmpty()) {
			return new Representation(RepresentativeCheck.NOT_FOUND, null);
		}
		Map<String, Object> registered = found.firstRecord().get();
		String enterpriseName = (String) registered.get("name");
		if (!this.inOperation.equals(registered.get("status"))) {
			return new Representation(RepresentativeCheck.DEREGISTERED, enterpriseName);
		}
		boolean represents = person.value().equals(registered.get("legalRepresentativeId")) && name != null
				&& name.strip().equals(registered.get("legalRepresentativeName"));
		return new Representation(represents ? RepresentativeCheck.REPRESENTS : RepresentativeCheck.NOT_REPRESENTATIVE,
				enterpriseName);
	}

	@Override
	public Optional<String> householdRegionOf(ResidentId person) {
		// the county only: the household's members and address are none of routing's
		// business
		return this.fetcher
			.fetchForPlatform("population.householdRegion", person.value(), "routing", "exchange.purpose.routing")
			.firstRecord()
			.map((record) -> record.get("regionCode"))
			.map(Object::toString);
	}

	@Override
	public List<AccessEntry> accessesTo(String subjectId, int limit) {
		return this.ledger.accessesTo(subjectId, limit);
	}

	@Override
	public LedgerVerification verifyLedger() {
		return this.ledger.verify();
	}

	private boolean isOwnIdentifier(PrefilledField field) {
		return this.elements.element(field.prefill().element())
			.map((element) -> (element.subject() == DataElement.SubjectKind.PERSON) ? "id" : "creditCode")
			.filter(field.prefill().field()::equals)
			.isPresent();
	}

	private static boolean blank(Object value) {
		return value == null || value.toString().isBlank();
	}

	private record Key(String element, String subject) {
	}

}
