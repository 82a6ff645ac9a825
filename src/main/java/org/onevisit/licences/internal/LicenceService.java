package org.onevisit.licences.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.FormCheck;
import org.onevisit.applications.HeldLicences;
import org.onevisit.shared.Subject;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Department;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
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

	private final PlatformKeys keys;

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	LicenceService(Licences licences, PlatformKeys keys, ApplicationManagement applications, Catalogue catalogue,
			Directory directory, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.licences = licences;
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
	 * Whether some approved item issues a licence: the catalogue's versions, in memory.
	 */
	boolean issuesAny(ApplicationApproved approved) {
		return approved.items()
			.stream()
			.anyMatch((approvedItem) -> this.catalogue.item(approvedItem.itemCode(), approvedItem.itemVersion())
				.content()
				.licenceType() != null);
	}

	/**
	 * Issues the licence of every approved item that carries one and has none yet: a
	 * retried event issues what is missing and nothing twice (the store keeps one licence
	 * per application and item; a retry signs again, which is rare and cheaper than a
	 * lookup on every first try).
	 */
	@Transactional
	public List<Licence> issueFor(ApplicationApproved approved) {
		if (!issuesAny(approved)) {
			return List.of();
		}
		Filing application = this.applications.filing(approved.application());
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		List<Licences.Issued> toStore = new ArrayList<>();
		// department names once per application: a bundle's licences often share an
		// issuer
		Map<String, String> issuers = new HashMap<>();
		for (ApprovedItem approvedItem : approved.items()) {
			ServiceItem item = this.catalogue.item(approvedItem.itemCode(), approvedItem.itemVersion()).content();
			if (item.licenceType() == null) {
				continue;
			}
			Optional<LicenceType> type = this.catalogue.licenceType(item.licenceType());
			if (type.isEmpty()) {
				// the catalogue rules refuse such an item; one published before the type
				// was removed is reported, not guessed at
				log.error("Item {} issues licence type {}, which the catalogue no longer defines", item.code(),
						item.licenceType());
				continue;
			}
			toStore.add(issue(application, item, type.get(), itemForm(application, item), issuers, today, now));
		}
		Set<UUID> stored = this.licences.insertNew(toStore);
		List<Licence> issued = toStore.stream()
			.filter((licence) -> stored.contains(licence.id()))
			.map((licence) -> licence(licence.id(), licence.document(), null))
			.toList();
		if (!issued.isEmpty()) {
			this.events.publishEvent(new LicencesIssued(application.trackingNumber(),
					issued.stream()
						.map((licence) -> new IssuedLicence(licence.id(), licence.typeName(), licence.holder(),
								licence.itemCode()))
						.toList(),
					now));
		}
		return issued;
	}

	private Licences.Issued issue(Filing application, ServiceItem item, LicenceType type, Map<String, Object> form,
			Map<String, String> issuers, LocalDate today, Instant now) {
		UUID id = UUID.randomUUID();
		Subject holder = holder(application, item, type, form);
		Map<String, String> fields = new TreeMap<>();
		Map<String, String> labels = new TreeMap<>();
		for (LicenceType.Field field : type.fields()) {
			field.sourceIn(item.form())
				.map(form::get)
				.map(Object::toString)
				.filter((value) -> !value.isBlank())
				.ifPresent((value) -> {
					fields.put(field.name(), value);
					labels.put(field.name(), field.label());
				});
		}
		String issuerName = issuers.computeIfAbsent(item.departmentCode(),
				(code) -> this.directory.department(code).map(Department::name).orElse(code));
		LocalDate validUntil = type.validUntil(today).orElse(null);
		Map<String, Object> document = new TreeMap<>();
		document.put("id", id.toString());
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
		proof.put("keyId", this.keys.currentKeyId());
		document.put("proof", proof);
		PlatformKeys.Signed signed = this.keys.sign(CanonicalJson.write(document).getBytes(StandardCharsets.UTF_8));
		proof.put("keyId", signed.keyId());
		proof.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
		return new Licences.Issued(id, type.name(), type.code(), holder, item.departmentCode(),
				application.id().value(), application.trackingNumber(), item.code(), today, validUntil, signed.keyId(),
				CanonicalJson.write(document), now);
	}

	/**
	 * The holder named by the item's form (the buyer of a flat), or else the applicant.
	 */
	private static Subject holder(Filing application, ServiceItem item, LicenceType type, Map<String, Object> form) {
		Optional<String> field = type.holderIn(item.form());
		if (field.isPresent() && form.get(field.get()) instanceof String value && !value.isBlank()) {
			FieldType kind = item.form().field(field.get()).orElseThrow().type();
			return (kind == FieldType.CREDIT_CODE) ? Subject.business(CreditCode.of(value))
					: Subject.person(ResidentId.of(value));
		}
		return application.subject();
	}

	/** The values of the item's own form: a bundle's one form, split per item. */
	private Map<String, Object> itemForm(Filing application, ServiceItem item) {
		if (application.bundleCode() == null) {
			return application.form();
		}
		return FormCheck.split(this.catalogue.bundle(application.bundleCode()).content(), application.form())
			.getOrDefault(item.code(), Map.of());
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
		return this.keys.published();
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
		Optional<VerifyingKey> key = this.keys.publicKey(keyId);
		if (key.isEmpty()) {
			return Verification.invalid(Failure.UNKNOWN_KEY, null);
		}
		Map<String, Object> signed = new TreeMap<>(content);
		signed.put("proof", proof);
		byte[] signatureBytes;
		try {
			signatureBytes = Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException ex) {
			return Verification.invalid(Failure.SIGNATURE_MISMATCH, null);
		}
		if (!key.get().verifies(CanonicalJson.write(signed).getBytes(StandardCharsets.UTF_8), signatureBytes)) {
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
		return (row.revokedAt() != null)
				? new Licence.Revocation(row.revokedAt(), row.revokedBy(), row.revocationReason()) : null;
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
		return new Licence(id, type.get("name"), type.get("code"), subject, issuer.get("department"),
				issuer.get("name"), LocalDate.parse((String) document.get("issuedOn")),
				(validUntil != null) ? LocalDate.parse((String) validUntil) : null,
				inTypeOrder(type.get("name"), (Map<String, String>) document.get("fields")),
				new LinkedHashMap<>((Map<String, String>) document.get("labels")), application.get("trackingNumber"),
				application.get("item"), proof.get("keyId"), text, revocation);
	}

}
