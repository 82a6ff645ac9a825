package org.onevisit.exchange.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onevisit.applications.HeldLicences;
import org.onevisit.shared.Subject;
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
import org.onevisit.shared.TimeOrderedIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Pre-fills a matter's form and previews its shared-data materials. Asks in rounds: first
 * what is about the applicant, then what is about the parties the first answers name (the
 * buyer in the seller's sale contract), at most three rounds.
 */
@Service
class Prefilling implements DataExchange {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int ROUNDS = 3;

	private final Catalogue catalogue;

	private final Fetcher fetcher;

	private final AccessLedger ledger;

	private final DataElementCatalogue elements;

	private final ObjectProvider<HeldLicences> licences;

	Prefilling(Catalogue catalogue, Fetcher fetcher, AccessLedger ledger, DataElementCatalogue elements,
			ObjectProvider<HeldLicences> licences) {
		this.catalogue = catalogue;
		this.fetcher = fetcher;
		this.ledger = ledger;
		this.elements = elements;
		this.licences = licences;
	}

	@Override
	public Prefilled prefill(PrefillRequest request) {
		MatterShape shape = MatterShape.of(this.catalogue, request.itemCode(), request.bundleCode());
		String reference = "prefill:" + TimeOrderedIds.next();
		String purpose = "预填："
				+ ((request.bundleCode() != null) ? this.catalogue.bundle(request.bundleCode()).content().name()
						: this.catalogue.item(request.itemCode()).content().name());
		String applicant = request.applicant().identifier();
		Map<String, Object> form = new LinkedHashMap<>(request.typed());
		Map<String, FieldSource> sources = new HashMap<>();
		Map<Key, Found> found = new HashMap<>();
		List<DataMaterial> materials = shape.materials()
			.stream()
			.filter((material) -> !heldAsLicence(material, request.applicant()))
			.toList();
		// fields that say whose other records are (the buyer's ID in the seller's
		// contract) are asked for first, alone: then each registry is asked once for
		// all parties
		Set<String> keyFields = new java.util.HashSet<>();
		shape.fields().stream().map((field) -> field.prefill().of()).forEach(keyFields::add);
		materials.stream().map(DataMaterial::of).forEach(keyFields::add);
		// a field asking for the identifier of the very record looked up by it is that
		// identifier: the applicant's ID number needs no registry call
		for (PrefilledField field : shape.fields()) {
			if (blank(form.get(field.name())) && isOwnIdentifier(field)) {
				MatterShape.subject(field.prefill().of(), form, applicant).ifPresent((subject) -> {
					form.put(field.name(), subject);
					sources.put(field.name(), new FieldSource(field.prefill().element(), this.elements.registryName(
							this.elements.element(field.prefill().element()).map(DataElement::registry).orElse("")),
							null));
				});
			}
		}
		for (int round = 0; round < ROUNDS; round++) {
			Set<Need> needs = new LinkedHashSet<>();
			Set<Key> asked = new java.util.HashSet<>();
			for (PrefilledField field : shape.fields()) {
				if (keyFields.contains(field.name()) && blank(form.get(field.name()))) {
					MatterShape.subject(field.prefill().of(), form, applicant).ifPresent((subject) -> {
						Key key = new Key(field.prefill().element(), subject);
						if (!found.containsKey(key) && asked.add(key)) {
							needs.add(new Need(key.element(), subject, field.department(), field.item()));
						}
					});
				}
			}
			boolean keysOnly = !needs.isEmpty();
			for (PrefilledField field : shape.fields()) {
				if (keysOnly) {
					break;
				}
				MatterShape.subject(field.prefill().of(), form, applicant).ifPresent((subject) -> {
					Key key = new Key(field.prefill().element(), subject);
					if (!found.containsKey(key) && asked.add(key)) {
						needs.add(new Need(key.element(), subject, field.department(), field.item()));
					}
				});
			}
			for (DataMaterial material : materials) {
				if (keysOnly) {
					break;
				}
				MatterShape.subject(material.of(), form, applicant).ifPresent((subject) -> {
					Key key = new Key(material.material().dataElement(), subject);
					if (!found.containsKey(key) && asked.add(key)) {
						needs.add(new Need(key.element(), subject, material.department(), material.item()));
					}
				});
			}
			if (needs.isEmpty()) {
				break;
			}
			this.fetcher.fetch(request.username(), reference, purpose, List.copyOf(needs))
				.forEach((need, result) -> found.put(new Key(need.element(), need.subject()), result));
			for (PrefilledField field : shape.fields()) {
				if (!blank(form.get(field.name()))) {
					continue;
				}
				MatterShape.subject(field.prefill().of(), form, applicant)
					.map((subject) -> found.get(new Key(field.prefill().element(), subject)))
					.filter((result) -> result.evidence() != null && !result.evidence().records().isEmpty())
					.ifPresent((result) -> {
						Object value = result.evidence().records().get(0).get(field.prefill().field());
						if (value != null) {
							form.put(field.name(), value);
							sources.put(field.name(), new FieldSource(field.prefill().element(),
									this.elements.registryName(result.evidence().registry()),
									(result.evidence().updatedAt() != null)
											? LocalDate.ofInstant(result.evidence().updatedAt(), ZONE).toString()
											: null));
						}
					});
			}
		}
		List<MaterialPreview> previews = new ArrayList<>();
		for (DataMaterial material : materials) {
			Optional<String> subject = MatterShape.subject(material.of(), form, applicant);
			Found result = subject.map((s) -> found.get(new Key(material.material().dataElement(), s))).orElse(null);
			previews.add(preview(material, subject.orElse(null), result));
		}
		return new Prefilled(reference, form, sources, previews);
	}

	private MaterialPreview preview(DataMaterial material, String subject, Found result) {
		String element = material.material().dataElement();
		String registryName = this.elements.element(element)
			.map((e) -> this.elements.registryName(e.registry()))
			.orElse(element);
		if (result == null) {
			return new MaterialPreview(material.material().code(), material.material().name(), element, registryName,
					subject, Outcome.PENDING, null, null, "填写证件号码后由系统获取", List.of());
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
						? LocalDate.ofInstant(evidence.updatedAt(), ZONE).toString() : null,
				result.note(), (evidence != null) ? evidence.records() : List.of());
	}

	private boolean heldAsLicence(DataMaterial material, Subject applicant) {
		if (material.material().source() != MaterialSource.LICENCE || material.of() != null) {
			return false;
		}
		HeldLicences wallet = this.licences.getIfAvailable();
		return wallet != null && wallet.standingLicence(applicant, material.material().licenceType()).isPresent();
	}

	@Override
	public IdentityCheck checkIdentity(org.onevisit.shared.ResidentId residentId, String name) {
		Need need = new Need("population.identity", residentId.value(), "onevisit", "registration");
		Found found = this.fetcher.fetch("onevisit", "registration:" + residentId.value(), "实名注册核验", List.of(need))
			.get(need);
		if (found.kind() == Found.Kind.PENDING || found.kind() == Found.Kind.REFUSED) {
			return IdentityCheck.UNAVAILABLE;
		}
		if (found.evidence() == null || found.evidence().records().isEmpty()) {
			return IdentityCheck.NOT_FOUND;
		}
		Object registered = found.evidence().records().get(0).get("name");
		return (name != null && name.strip().equals(registered)) ? IdentityCheck.MATCHES : IdentityCheck.DOES_NOT_MATCH;
	}

	@Override
	public Optional<List<DataReading>> scan(String consumer, String purposeKey, String purpose, String element,
			org.onevisit.exchange.RegistryRequest.Where where) {
		return this.fetcher.scan("onevisit", consumer, purposeKey, purpose, element, where)
			.map((found) -> found.stream().map(this::reading).toList());
	}

	@Override
	public List<DataReading> read(String consumer, String itemCode, String reference, String purpose,
			List<DataQuery> queries) {
		List<Need> needs = queries.stream()
			.map((query) -> new Need(query.element(), query.subject(), consumer, itemCode))
			.distinct()
			.toList();
		Map<Need, Found> found = this.fetcher.fetch("onevisit", reference, purpose, needs);
		return queries.stream()
			.map((query) -> reading(found.get(new Need(query.element(), query.subject(), consumer, itemCode))))
			.toList();
	}

	private DataReading reading(Found answer) {
		Need need = answer.need();
		DataQuery query = new DataQuery(need.element(), need.subject());
		Evidences.Evidence evidence = answer.evidence();
		String registry = this.elements.element(query.element())
			.map((element) -> this.elements.registryName(element.registry()))
			.orElse(query.element());
		Map<String, Object> first = (evidence != null && !evidence.records().isEmpty()) ? evidence.records().get(0)
				: Map.of();
		java.time.Instant updated = (evidence != null) ? evidence.updatedAt() : null;
		DataReading.Reading reading = switch (answer.kind()) {
			case FETCHED -> DataReading.Reading.CURRENT;
			case PENDING -> DataReading.Reading.UNAVAILABLE;
			case REFUSED -> DataReading.Reading.REFUSED;
			case UNUSABLE -> switch (evidence.status()) {
				case NOT_FOUND -> DataReading.Reading.NOT_FOUND;
				case INCOMPLETE -> DataReading.Reading.INCOMPLETE;
				case FOUND -> DataReading.Reading.STALE;
			};
		};
		return new DataReading(query, reading, first, registry, updated);
	}

	@Override
	public Representation checkRepresentative(org.onevisit.shared.CreditCode enterprise,
			org.onevisit.shared.ResidentId person, String name) {
		Need need = new Need("enterprise.registration", enterprise.value(), "onevisit", "registration");
		Found found = this.fetcher.fetch("onevisit", "registration:" + enterprise.value(), "法人账户注册核验", List.of(need))
			.get(need);
		if (found.kind() == Found.Kind.PENDING || found.kind() == Found.Kind.REFUSED) {
			return new Representation(RepresentativeCheck.UNAVAILABLE, null);
		}
		if (found.evidence() == null || found.evidence().records().isEmpty()) {
			return new Representation(RepresentativeCheck.NOT_FOUND, null);
		}
		Map<String, Object> registered = found.evidence().records().get(0);
		String enterpriseName = (String) registered.get("name");
		if (!"存续".equals(registered.get("status"))) {
			return new Representation(RepresentativeCheck.DEREGISTERED, enterpriseName);
		}
		boolean represents = person.value().equals(registered.get("legalRepresentativeId")) && name != null
				&& name.strip().equals(registered.get("legalRepresentativeName"));
		return new Representation(represents ? RepresentativeCheck.REPRESENTS : RepresentativeCheck.NOT_REPRESENTATIVE,
				enterpriseName);
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
