package org.onevisit.licences.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.applications.Filing;
import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.exchange.RegistryEvents.RegistryWritten;
import org.onevisit.platform.Sentence;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.FormCheck;
import org.onevisit.applications.HeldLicences;
import org.onevisit.shared.Subject;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceEvents.IssuedLicence;
import org.onevisit.licences.LicenceEvents.LicencesIssued;
import org.onevisit.licences.LicenceEvents.LicenceRevoked;
import org.onevisit.licences.LicenceRefused;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.licences.Verification;
import org.onevisit.licences.Verification.Failure;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.VerifyingKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, keeps, verifies and revokes licences. A licence is its signed canonical
 * document; everything shown about it is read back from that document, so what a page
 * shows is what a verifier checks.
 */
@Service
class LicenceService implements LicenceWallet, HeldLicences {

	static final String ALGORITHM = "SM2-SM3";

	private static final Logger log = LoggerFactory.getLogger(LicenceService.class);

	private final Licences licences;

	private final Signer signer;

	private final SigningKeys keys;

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final DataExchange exchange;

	private final MessageSource messages;

	private final LicencesLogged logged;

	LicenceService(Licences licences, Signer signer, SigningKeys keys, ApplicationManagement applications,
			Catalogue catalogue, Directory directory, ApplicationEventPublisher events, JsonMapper json, Clock clock,
			DataExchange exchange, MessageSource messages, LicencesLogged logged) {
		this.logged = logged;
		this.exchange = exchange;
		this.messages = messages;
		this.licences = licences;
		this.signer = signer;
		this.keys = keys;
		this.applications = applications;
		this.catalogue = catalogue;
		this.directory = directory;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ issuing

	/**
	 * Whether some approved item issues its licence on approval: one that carries a type
	 * and writes nothing back (an item that writes back issues when the registry
	 * answered, with its results). The catalogue's versions, in memory.
	 */
	boolean issuesAny(ApplicationApproved approved) {
		return approved.items().stream().anyMatch(this::issuesOnApproval);
	}

	boolean issuesOnApproval(ApprovedItem approvedItem) {
		ServiceItem item = this.catalogue.item(approvedItem.itemCode(), approvedItem.itemVersion()).content();
		return item.licenceType() != null && item.writes().isEmpty();
	}

	/**
	 * Issues the licence of every approved item that carries one, writes nothing back and
	 * has none yet: a retried event issues what is missing and nothing twice.
	 */
	@Transactional
	public List<Licence> issueFor(ApplicationApproved approved) {
		if (!issuesAny(approved)) {
			return List.of();
		}
		Filing application = this.applications.filing(approved.application());
		List<ToIssue> items = approved.items()
			.stream()
			.filter(this::issuesOnApproval)
			.map((approvedItem) -> new ToIssue(
					this.catalogue.item(approvedItem.itemCode(), approvedItem.itemVersion()).content(), Map.of()))
			.toList();
		return issue(application, items);
	}

	/**
	 * Issues the licence of one approved item another item of the matter needs now, as
	 * its approval would; an item that writes back issues when the registry answered.
	 */
	@Transactional
	public List<Licence> issueFor(ResultNeeded needed) {
		if (!issuesOnApproval(needed.item())) {
			return List.of();
		}
		ServiceItem item = this.catalogue.item(needed.item().itemCode(), needed.item().itemVersion()).content();
		return issue(this.applications.filing(needed.application()), List.of(new ToIssue(item, Map.of())));
	}

	/**
	 * Whether the registry's answer is for an item that issues a licence from it (the
	 * item as filed, from the catalogue in memory).
	 */
	boolean concerns(RegistryWritten written) {
		return this.catalogue.publishedItems()
			.stream()
			.anyMatch((item) -> item.code().equals(written.itemCode()) && item.licenceType() != null
					&& !item.writes().isEmpty());
	}

	/**
	 * Issues the licence of an item whose change a registry applied, filled from the
	 * registry's results (the certificate number, the assigned credit code). An item
	 * writing several changes issues on the answer to its first.
	 */
	@Transactional
	public List<Licence> issueFor(RegistryWritten written) {
		Filing application = this.applications.filing(written.application());
		Optional<ServiceItem> filed = application.items()
			.stream()
			.filter((item) -> item.code().equals(written.itemCode()))
			.findFirst()
			.map((item) -> this.catalogue.item(item.code(), item.version()).content());
		if (filed.isEmpty() || filed.get().licenceType() == null || filed.get().writes().isEmpty()
				|| filed.get().writes().get(0) != written.change()) {
			return List.of();
		}
		return issue(application, List.of(new ToIssue(filed.get(), written.results())));
	}

	/** An item whose licence is due, with what its write-back answered (may be none). */
	private record ToIssue(ServiceItem item, Map<String, String> results) {
	}

	/**
	 * Issues what is not issued yet (one licence per item and holder), then revokes what
	 * the new licences replace. A retry finds what is stored and neither signs nor
	 * numbers it again.
	 */
	private List<Licence> issue(Filing application, List<ToIssue> items) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		Set<String> already = this.licences.issuedKeys(application.id().value());
		List<Licences.Issued> toStore = new ArrayList<>();
		Map<UUID, Replacing> replacing = new HashMap<>();
		// department names once per application: a bundle's licences often share an
		// issuer
		Map<String, String> issuers = new HashMap<>();
		for (ToIssue due : items) {
			ServiceItem item = due.item();
			Optional<LicenceType> type = this.catalogue.licenceType(item.licenceType());
			if (type.isEmpty()) {
				// the catalogue rules refuse such an item; one published before the type
				// was removed is reported, not guessed at
				log.error("Item {} issues licence type {}, which the catalogue no longer defines", item.code(),
						item.licenceType());
				continue;
			}
			Map<String, Object> form = itemForm(application, item);
			String issuerName = issuers.computeIfAbsent(item.departmentCode(), this.directory::departmentName);
			Values values = new Values(application, item, form, due.results(), issuerName, today);
			for (Subject holder : holders(application, item, type.get(), values)) {
				if (already.contains(this.licences.key(item.code(), holder))) {
					continue;
				}
				Licences.Issued issued = issue(application, item, type.get(), holder, values, issuerName, today, now);
				toStore.add(issued);
				replacing.put(issued.id(), new Replacing(type.get(), item, values, holder));
			}
		}
		Set<UUID> stored = this.licences.insertNew(toStore);
		List<Licence> issued = toStore.stream()
			.filter((licence) -> stored.contains(licence.id()))
			.map((licence) -> licence(licence.id(), licence.document(), null))
			.toList();
		for (Licence licence : issued) {
			supersede(licence, replacing.get(licence.id()), now);
		}
		if (!issued.isEmpty()) {
			this.logged.issued(issued, now);
			this.events.publishEvent(new LicencesIssued(application.trackingNumber(),
					issued.stream()
						.map((licence) -> new IssuedLicence(licence.id(), licence.typeName(), licence.holder(),
								licence.itemCode()))
						.toList(),
					now, application.channel()));
		}
		return issued;
	}

	private record Replacing(LicenceType type, ServiceItem item, Values values, Subject holder) {
	}

	/**
	 * Revokes, as replaced by the new licence (换发), the licence of its type that carries
	 * the number the type's {@code supersedes} names (the cancelled certificate), or the
	 * holder's previous one where the item names an existing holder (a change
	 * registration).
	 */
	private void supersede(Licence successor, Replacing replacing, Instant now) {
		LicenceType.Supersedes supersedes = replacing.type().supersedes();
		if (supersedes == null) {
			return;
		}
		List<Licences.Row> replaced = new ArrayList<>();
		replacing.values()
			.first(supersedes.byNumber())
			.ifPresent((number) -> replaced.addAll(this.licences.unrevokedNumbered(replacing.type().name(), number)));
		if (replacing.values().first(supersedes.sameHolderFrom()).isPresent()) {
			replaced.addAll(this.licences.unrevoked(replacing.holder(), replacing.type().name()));
		}
		String reason = this.messages.getMessage("licence.superseded.reason", null, Locale.SIMPLIFIED_CHINESE);
		Set<UUID> done = new HashSet<>();
		for (Licences.Row row : replaced) {
			if (row.id().equals(successor.id()) || !done.add(row.id())) {
				continue;
			}
			Licence old = parse(row);
			Licence.Revocation revocation = new Licence.Revocation(now, Actor.system().username(), reason);
			if (this.licences.supersede(row.id(), revocation, successor.id())) {
				this.events.publishEvent(new LicenceRevoked(old.id(), old.typeName(), old.holder(), reason,
						revocation.at(), successor.id(), successor.number()));
			}
		}
	}

	/**
	 * The holders of an item's licence: one licence per party the type's {@code each}
	 * names, or the first holder the sources name, or else the applicant.
	 */
	private static List<Subject> holders(Filing application, ServiceItem item, LicenceType type, Values values) {
		List<Subject> holders = new ArrayList<>();
		for (LicenceType.Source source : type.holder().sourcesFor(item)) {
			Optional<Subject> holder = values.text(source).map((value) -> subject(item, source, value));
			holder.filter((subject) -> !holders.contains(subject)).ifPresent(holders::add);
			if (!type.holder().each() && !holders.isEmpty()) {
				break;
			}
		}
		return holders.isEmpty() ? List.of(application.subject()) : holders;
	}

	private static Subject subject(ServiceItem item, LicenceType.Source source, String value) {
		boolean business = switch (source.origin()) {
			case FORM ->
				item.form().field(source.name()).map((field) -> field.type() == FieldType.CREDIT_CODE).orElse(false);
			default -> CreditCode.isValid(value) && !ResidentId.isValid(value);
		};
		return business ? Subject.business(CreditCode.of(value)) : Subject.person(ResidentId.of(value));
	}

	private Licences.Issued issue(Filing application, ServiceItem item, LicenceType type, Subject holder, Values values,
			String issuerName, LocalDate today, Instant now) {
		UUID id = UUID.randomUUID();
		Map<String, String> fields = new TreeMap<>();
		Map<String, String> labels = new TreeMap<>();
		for (LicenceType.Field field : type.fields()) {
			Optional<String> value = values.first(field.sourcesFor(item));
			if (value.isEmpty() && field.required() && !numbered(type, field)) {
				// a registry that did not answer: the issue is retried through the outbox
				throw new IllegalStateException("licence type " + type.name() + " requires " + field.name()
						+ ", which item " + item.code() + " of " + application.trackingNumber() + " did not fill");
			}
			value.ifPresent((text) -> {
				fields.put(field.name(), printed(field, text));
				labels.put(field.name(), field.label());
			});
		}
		String number = legalNumber(type, fields, today);
		if (type.number().field() != null && !fields.containsKey(type.number().field())) {
			fields.put(type.number().field(), number);
			labels.put(type.number().field(), type.field(type.number().field()).orElseThrow().label());
		}
		LocalDate validUntil = type.validUntil(today).orElse(null);
		Map<String, Object> document = new TreeMap<>();
		document.put("id", id.toString());
		document.put("number", number);
		document.put("type", Map.of("code", type.code(), "name", type.name()));
		document.put("holder", (holder.person() != null) ? Map.of("kind", "person", "id", holder.person().value())
				: Map.of("kind", "business", "id", holder.business().value()));
		document.put("issuer", Map.of("department", item.departmentCode(), "name", issuerName));
		document.put("issuedOn", today.toString());
		if (validUntil != null) {
			document.put("validUntil", validUntil.toString());
		}
		document.put("fields", fields);
		document.put("labels", labels);
		document.put("application", Map.of("trackingNumber", application.trackingNumber(), "item", item.code()));
		Map<String, Object> proof = new TreeMap<>();
		proof.put("algorithm", ALGORITHM);
		document.put("proof", proof);
		// the proof names the key that signs it, inside what it signs
		Signer.Signed signed = this.signer.sign(KeyName.LICENCES, (keyId) -> {
			proof.put("keyId", keyId);
			return CanonicalJson.write(document).getBytes(StandardCharsets.UTF_8);
		});
		proof.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
		return new Licences.Issued(id, type.name(), type.code(), holder, item.departmentCode(),
				application.id().value(), application.trackingNumber(), item.code(), today, validUntil, signed.keyId(),
				number, CanonicalJson.write(document), now);
	}

	private static boolean numbered(LicenceType type, LicenceType.Field field) {
		return field.name().equals(type.number().field()) && type.number().sequence() != null;
	}

	/**
	 * The field's value with its unit, as printed: 100 万元, 89.50 m² (a certificate states
	 * an area to the hundredth of a square metre).
	 */
	private static String printed(LicenceType.Field field, String value) {
		String shown = value;
		if (field.kind() == LicenceType.Kind.AREA) {
			try {
				shown = new BigDecimal(value.strip()).setScale(2, RoundingMode.HALF_UP).toPlainString();
			}
			catch (NumberFormatException ex) {
				// printed as the source wrote it: a registry's area is its own
			}
		}
		return (field.unit() != null) ? shown + " " + field.unit() : shown;
	}

	/**
	 * The number the law gives the licence (its certificate number, credit code, 字号) or,
	 * where there is none, the next of the type's yearly sequence.
	 */
	private String legalNumber(LicenceType type, Map<String, String> fields, LocalDate today) {
		LicenceType.LegalNumber number = type.number();
		if (number.field() != null && fields.containsKey(number.field())) {
			return fields.get(number.field());
		}
		return number.format(today.getYear(), this.licences.nextInSequence(type.code(), today.getYear()));
	}

	/**
	 * Where an item's licence reads its values: the item's form, its write-back's
	 * results, the registries (each element read once, for whom a form field names) and
	 * the issue itself.
	 */
	private final class Values {

		private final Filing application;

		private final ServiceItem item;

		private final Map<String, Object> form;

		private final Map<String, String> results;

		private final String issuerName;

		private final LocalDate today;

		private final Map<DataQuery, Optional<DataReading>> readings = new HashMap<>();

		Values(Filing application, ServiceItem item, Map<String, Object> form, Map<String, String> results,
				String issuerName, LocalDate today) {
			this.application = application;
			this.item = item;
			this.form = form;
			this.results = results;
			this.issuerName = issuerName;
			this.today = today;
		}

		Optional<String> first(List<LicenceType.Source> sources) {
			return sources.stream().map(this::text).flatMap(Optional::stream).findFirst();
		}

		Optional<String> text(LicenceType.Source source) {
			Object value = switch (source.origin()) {
				case FORM -> this.form.get(source.name());
				case RESULT -> this.results.get(source.name());
				case ISSUE -> "issuer".equals(source.name()) ? this.issuerName : this.today.toString();
				case REGISTRY -> registry(source);
			};
			return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter((t) -> !t.isEmpty());
		}

		private Object registry(LicenceType.Source source) {
			Object of = this.form.get(source.of());
			if (of == null || of.toString().isBlank()) {
				return null;
			}
			DataQuery query = new DataQuery(source.element(), of.toString());
			return this.readings
				.computeIfAbsent(query,
						(q) -> LicenceService.this.exchange
							.read(this.item.departmentCode(), this.item.code(), this.application.trackingNumber(),
									Sentence.of("licence.purpose", this.item.name()).stored(), List.of(q))
							.stream()
							.filter((reading) -> reading.reading() == DataReading.Reading.CURRENT
									|| reading.reading() == DataReading.Reading.STALE)
							.findFirst())
				.map((reading) -> reading.record().get(source.name()))
				.orElse(null);
		}

	}

	/** The values of the item's own form: a bundle's one form, split per item. */
	private Map<String, Object> itemForm(Filing application, ServiceItem item) {
		if (application.bundleCode() == null) {
			return application.form();
		}
		return FormCheck.itemForm(this.catalogue.bundle(application.bundleCode()).content(), application.form(),
				item.code());
	}

	// ------------------------------------------------------------------ wallet

	@Override
	@Transactional(readOnly = true)
	public List<Licence> heldBy(Subject holder) {
		return this.licences.heldBy(holder).stream().map(this::parse).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Licence find(UUID id, Subject viewer, Actor by) {
		Licence licence = this.licences.find(id).map(this::parse).orElseThrow(() -> LicenceRefused.notFound(id));
		boolean holder = licence.holder().equals(viewer);
		boolean issuer = licence.reviewedBy(by);
		boolean applicant = !holder && !issuer && by.kind() == Actor.Kind.APPLICANT && filedBy(licence, by);
		if (!holder && !issuer && !applicant) {
			throw LicenceRefused.notFound(id);
		}
		return licence;
	}

	private boolean filedBy(Licence licence, Actor by) {
		// the applicant who obtained a licence for someone else (the seller of a flat)
		// sees it in the case
		return this.applications.filedBy(by)
			.stream()
			.anyMatch((application) -> application.trackingNumber().equals(licence.trackingNumber()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Licence> issuedFor(String trackingNumber) {
		return this.licences.issuedFor(trackingNumber).stream().map(this::parse).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> standingLicence(Subject holder, String licenceType) {
		LocalDate today = LocalDate.now(this.clock);
		return this.licences.unrevoked(holder, licenceType)
			.stream()
			.map(this::parse)
			.filter((licence) -> licence.standsOn(today))
			.map((licence) -> licence.id().toString())
			.findFirst();
	}

	@Override
	@Transactional
	public Licence revoke(UUID id, String reason, Actor by) {
		if (reason == null || reason.isBlank()) {
			throw LicenceRefused.reasonRequired();
		}
		Licence licence = this.licences.find(id).map(this::parse).orElseThrow(() -> LicenceRefused.notFound(id));
		if (!licence.reviewedBy(by)) {
			throw LicenceRefused.notFound(id);
		}
		Licence.Revocation revocation = licence.revoke(reason, by, this.clock).revocation();
		// revoked meanwhile by someone else: the store revokes once
		if (!this.licences.revoke(id, revocation)) {
			throw LicenceRefused.alreadyRevoked(id);
		}
		this.events.publishEvent(
				new LicenceRevoked(id, licence.typeName(), licence.holder(), revocation.reason(), revocation.at()));
		return this.licences.find(id).map(this::parse).orElseThrow();
	}

	@Override
	public List<PublishedKey> publicKeys() {
		return this.keys.keys(KeyName.LICENCES)
			.stream()
			.map((key) -> new PublishedKey(key.keyId(), ALGORITHM, "sm2p256v1", key.key().hex(),
					Base64.getEncoder().encodeToString(key.key().subjectPublicKeyInfo()),
					key.signs() ? "signing" : "verifying"))
			.toList();
	}

	// ------------------------------------------------------------------ verification

	// no transaction: one read of the licence's state, the rest is computation
	@Override
	public Verification verify(String document) {
		Map<String, Object> content;
		try {
			content = CanonicalJson.read(this.json, document);
		}
		catch (CanonicalJson.Malformed ex) {
			return Verification.invalid(Failure.MALFORMED, null);
		}
		return verify(content, document);
	}

	@Override
	public Verification verifyIssued(UUID id) {
		Licences.Row row = this.licences.find(id).orElseThrow(() -> LicenceRefused.notFound(id));
		return verify(document(row.document()), row.document());
	}

	@SuppressWarnings("unchecked")
	private Verification verify(Map<String, Object> content, String text) {
		if (!(content.get("proof") instanceof Map<?, ?> proofMap) || !(content.get("id") instanceof String id)) {
			return Verification.invalid(Failure.MALFORMED, null);
		}
		Map<String, Object> proof = new TreeMap<>((Map<String, Object>) proofMap);
		if (!(proof.remove("signature") instanceof String signature) || !(proof.get("keyId") instanceof String keyId)
				|| !ALGORITHM.equals(proof.get("algorithm"))) {
			return Verification.invalid(Failure.MALFORMED, null);
		}
		Optional<VerifyingKey> key = this.keys.key(KeyName.LICENCES, keyId);
		if (key.isEmpty()) {
			return Verification.invalid(Failure.UNKNOWN_KEY, null);
		}
		Map<String, Object> signed = new TreeMap<>(content);
		signed.put("proof", proof);
		if (!key.get().verifies(CanonicalJson.write(signed).getBytes(StandardCharsets.UTF_8), signature)) {
			return Verification.invalid(Failure.SIGNATURE_MISMATCH, null);
		}
		UUID licenceId;
		try {
			licenceId = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Verification.invalid(Failure.MALFORMED, null);
		}
		Optional<Licences.Row> state = this.licences.state(licenceId);
		if (state.isEmpty()) {
			return Verification.invalid(Failure.NOT_ISSUED, null);
		}
		Licence licence = licence(licenceId, content, text, revocation(state.get()));
		if (licence.superseded()) {
			return Verification.invalid(Failure.SUPERSEDED, licence);
		}
		if (licence.revoked()) {
			return Verification.invalid(Failure.REVOKED, licence);
		}
		if (licence.expiredOn(LocalDate.now(this.clock))) {
			return Verification.invalid(Failure.EXPIRED, licence);
		}
		return Verification.valid(licence);
	}

	// ------------------------------------------------------------------ reading
	// documents

	private Map<String, Object> document(String text) {
		try {
			return CanonicalJson.read(this.json, text);
		}
		catch (CanonicalJson.Malformed ex) {
			throw new IllegalStateException("a stored licence is not a licence document", ex);
		}
	}

	/**
	 * The document's fields are sorted by name (its canonical form); people read them in
	 * the order the licence type lists them.
	 */
	private Map<String, String> inTypeOrder(String typeName, Map<String, String> fields) {
		Map<String, String> ordered = new LinkedHashMap<>();
		this.catalogue.licenceType(typeName)
			.ifPresent((type) -> type.fields()
				.stream()
				.map(LicenceType.Field::name)
				.filter(fields::containsKey)
				.forEach((name) -> ordered.put(name, fields.get(name))));
		ordered.putAll(fields);
		return ordered;
	}

	private static Licence.Revocation revocation(Licences.Row row) {
		return (row.revokedAt() != null) ? new Licence.Revocation(row.revokedAt(), row.revokedBy(),
				row.revocationReason(), row.successor(), row.successorNumber()) : null;
	}

	private Licence parse(Licences.Row row) {
		return licence(row.id(), row.document(), revocation(row));
	}

	private Licence licence(UUID id, String text, Licence.Revocation revocation) {
		return licence(id, document(text), text, revocation);
	}

	@SuppressWarnings("unchecked")
	private Licence licence(UUID id, Map<String, Object> document, String text, Licence.Revocation revocation) {
		Map<String, String> type = (Map<String, String>) document.get("type");
		Map<String, String> holder = (Map<String, String>) document.get("holder");
		Map<String, String> issuer = (Map<String, String>) document.get("issuer");
		Map<String, String> application = (Map<String, String>) document.get("application");
		Map<String, String> proof = (Map<String, String>) document.get("proof");
		Subject subject = "person".equals(holder.get("kind")) ? Subject.person(ResidentId.of(holder.get("id")))
				: Subject.business(CreditCode.of(holder.get("id")));
		Object validUntil = document.get("validUntil");
		// licences signed before legal numbers were printed are known by their id
		String number = (document.get("number") instanceof String legal) ? legal : id.toString();
		return new Licence(id, number, type.get("name"), type.get("code"), subject, issuer.get("department"),
				issuer.get("name"), LocalDate.parse((String) document.get("issuedOn")),
				(validUntil != null) ? LocalDate.parse((String) validUntil) : null,
				inTypeOrder(type.get("name"), (Map<String, String>) document.get("fields")),
				new LinkedHashMap<>((Map<String, String>) document.get("labels")), application.get("trackingNumber"),
				application.get("item"), proof.get("keyId"), text, revocation);
	}

}
