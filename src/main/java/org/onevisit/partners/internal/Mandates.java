package org.onevisit.partners.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mandates people and businesses give partners, and what partners did under them. The
 * subject is stored sealed and found by its blind index.
 */
@Component
public class Mandates {

	static final String SUBJECT_COLUMN = "partners_mandate.subject";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final PartnerClients partners;

	private final Clock clock;

	Mandates(JdbcClient jdbc, PersonalData personalData, PartnerClients partners, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.partners = partners;
		this.clock = clock;
	}

	/** What a partner did under a mandate, as its subject sees it. */
	public record PartnerAction(Instant at, UUID mandateId, String partnerName, String action, UUID applicationId,
			String trackingNumber) {
	}

	/**
	 * The partners a person may give a mandate to: active partners, no department
	 * systems.
	 */
	public List<Partner> grantable() {
		return this.partners.all()
			.stream()
			.filter((partner) -> !partner.suspended() && !partner.kind().signsStaffIn())
			.toList();
	}

	/** The subject gives the partner a mandate online (我的空间). */
	@Transactional
	public Mandate grant(Subject subject, String partnerClientId, List<String> items, String purpose,
			LocalDate validUntil, String grantedBy) {
		return create(subject, partnerClientId, items, purpose, validUntil, Mandate.Channel.ONLINE, grantedBy);
	}

	/**
	 * A clerk records a paper mandate after checking both identities at the window.
	 */
	@Transactional
	public Mandate recordPaper(Subject subject, String partnerClientId, List<String> items, String purpose,
			LocalDate validUntil, String clerk) {
		return create(subject, partnerClientId, items, purpose, validUntil, Mandate.Channel.PAPER, clerk);
	}

	private Mandate create(Subject subject, String partnerClientId, List<String> items, String purpose,
			LocalDate validUntil, Mandate.Channel channel, String by) {
		List<String> named = (items != null) ? items.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.distinct()
			.toList() : List.of();
		LocalDate today = LocalDate.now(this.clock);
		boolean partnerActive = partnerClientId != null && this.partners.active(partnerClientId)
				&& !this.partners.find(partnerClientId).kind().signsStaffIn();
		if (subject == null || !partnerActive || named.isEmpty() || purpose == null || purpose.isBlank()
				|| purpose.length() > 500 || validUntil == null || validUntil.isBefore(today)
				|| validUntil.isAfter(today.plusYears(5))) {
			throw MandateRefused.invalid();
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into partners_mandate (id, partner_client_id, subject_sealed, subject_index, items, "
					+ "purpose, granted_at, valid_until, channel, granted_by) values (:id, :partner, :sealed, :index, "
					+ ":items, :purpose, :at, :until, :channel, :by)")
			.param("id", id)
			.param("partner", partnerClientId)
			.param("sealed", this.personalData.seal(kindOf(subject) + ":" + subject.identifier(), SUBJECT_COLUMN))
			.param("index", indexOf(subject))
			.param("items", named.toArray(String[]::new))
			.param("purpose", purpose.strip())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("until", validUntil)
			.param("channel", channel.name())
			.param("by", by)
			.update();
		return find(id);
	}

	/**
	 * The subject withdraws the mandate; the partner's next filing under it is refused.
	 */
	@Transactional
	public void withdraw(UUID id, Subject subject, String by) {
		Mandate mandate = ofSubject(id, subject);
		if (!mandate.withdrawn()) {
			this.jdbc.sql("update partners_mandate set withdrawn_at = :at, withdrawn_by = :by where id = :id")
				.param("at", Timestamp.from(this.clock.instant()))
				.param("by", by)
				.param("id", id)
				.update();
		}
	}

	/** The subject's own mandate; another's is not found. */
	public Mandate ofSubject(UUID id, Subject subject) {
		Mandate mandate = findOptional(id).orElseThrow(MandateRefused::notFound);
		if (subject == null || !indexOf(subject).equals(indexOf(mandate.subject()))) {
			throw MandateRefused.notFound();
		}
		return mandate;
	}

	/** Every mandate the subject gave, newest first. */
	public List<Mandate> of(Subject subject) {
		return this.jdbc.sql("select id from partners_mandate where subject_index = :index order by granted_at desc")
			.param("index", indexOf(subject))
			.query(UUID.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	/** The partner's own mandates that are in force today. */
	public List<Mandate> heldBy(String partnerClientId) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc
			.sql("select id from partners_mandate where partner_client_id = :partner and withdrawn_at is null "
					+ "and valid_until >= :today order by granted_at desc")
			.param("partner", partnerClientId)
			.param("today", today)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	/**
	 * The mandate that lets this partner file this item or bundle for this subject, or
	 * why not.
	 */
	public Mandate require(UUID id, String partnerClientId, Subject subject, String itemOrBundle) {
		if (id == null) {
			throw MandateRefused.missing();
		}
		Mandate mandate = findOptional(id).orElseThrow(MandateRefused::missing);
		if (!mandate.partnerClientId().equals(partnerClientId) || subject == null
				|| !indexOf(subject).equals(indexOf(mandate.subject()))) {
			throw MandateRefused.missing();
		}
		if (mandate.withdrawn()) {
			throw MandateRefused.withdrawn();
		}
		if (mandate.expiredOn(LocalDate.now(this.clock))) {
			throw MandateRefused.expired();
		}
		if (!mandate.items().contains(itemOrBundle)) {
			throw MandateRefused.itemNotCovered();
		}
		return mandate;
	}

	private static final ThreadLocal<Mandate> FILING = new ThreadLocal<>();

	/** The mandate a partner files under in this thread right now, if any. */
	static Optional<Mandate> filingNow() {
		return Optional.ofNullable(FILING.get());
	}

	/**
	 * The mandate a matter was filed under, by its id or tracking number, and the name of
	 * the partner that filed it. The references of the platform's own errands
	 * ({@code prefill:…}, {@code registration:…}, {@code routing:…}) name no matter and
	 * are not looked up: neither an id nor a tracking number has a colon, and every
	 * registry access of a pre-fill asked here.
	 */
	Optional<Map.Entry<UUID, String>> mandateOfMatter(String reference) {
		if (reference == null || reference.isBlank() || reference.indexOf(':') >= 0) {
			return Optional.empty();
		}
		UUID application = null;
		try {
			application = UUID.fromString(reference.strip());
		}
		catch (IllegalArgumentException notAnId) {
			// a tracking number
		}
		return this.jdbc
			.sql("select a.mandate_id, p.name from partners_action a join partners_partner p"
					+ " on p.client_id = a.partner_client_id where a.action = 'FILED' and "
					+ ((application != null) ? "a.application_id = :application" : "a.tracking_number = :reference")
					+ " order by a.id limit 1")
			.param("reference", reference)
			.param("application", application)
			.query((row, n) -> Map.entry(row.getObject(1, UUID.class), row.getString(2)))
			.optional();
	}

	/** A filing's identity, for the subject's record. */
	public record Filed(UUID applicationId, String trackingNumber) {
	}

	/**
	 * Files under the mandate and records it for the subject in one transaction: an
	 * idempotent repeat of the same filing is recorded once.
	 */
	@Transactional
	public <T> T fileUnder(Mandate mandate, Supplier<T> filing, Function<T, Filed> identity) {
		T filed;
		// the registries read while the matter is filed (its conditions) name the mandate
		// on the access ledger: the filing has no number yet to find it by
		FILING.set(mandate);
		try {
			filed = filing.get();
		}
		finally {
			FILING.remove();
		}
		Filed which = identity.apply(filed);
		recordAction(mandate, "FILED", which.applicationId(), which.trackingNumber());
		return filed;
	}

	/** Records what the partner did under the mandate, for its subject to see. */
	@Transactional
	public void recordAction(Mandate mandate, String action, UUID applicationId, String trackingNumber) {
		if (applicationId != null && this.jdbc
			.sql("select count(*) from partners_action where mandate_id = :mandate and action = :action "
					+ "and application_id = :application")
			.param("mandate", mandate.id())
			.param("action", action)
			.param("application", applicationId)
			.query(Integer.class)
			.single() > 0) {
			return;
		}
		this.jdbc.sql("insert into partners_action (at, mandate_id, partner_client_id, subject_index, action, "
				+ "application_id, tracking_number) values (:at, :mandate, :partner, :index, :action, :application, "
				+ ":tracking)")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("mandate", mandate.id())
			.param("partner", mandate.partnerClientId())
			.param("index", indexOf(mandate.subject()))
			.param("action", action)
			.param("application", applicationId)
			.param("tracking", trackingNumber)
			.update();
	}

	/** A matter the partner filed, with the mandate it filed under. */
	public record FiledByPartner(Instant at, UUID mandateId, UUID applicationId, String trackingNumber) {
	}

	/** The matters the partner filed, newest first (its desk). */
	public List<FiledByPartner> filedBy(String clientId, int limit) {
		return this.jdbc
			.sql("select at, mandate_id, application_id, tracking_number from partners_action "
					+ "where partner_client_id = :partner and action = 'FILED' and application_id is not null "
					+ "order by id desc limit :limit")
			.param("partner", clientId)
			.param("limit", limit)
			.query((row, n) -> new FiledByPartner(row.getTimestamp("at").toInstant(),
					row.getObject("mandate_id", UUID.class), row.getObject("application_id", UUID.class),
					row.getString("tracking_number")))
			.list();
	}

	/** What partners did for the subject, newest first. */
	public List<PartnerAction> actionsFor(Subject subject) {
		return this.jdbc
			.sql("select a.at, a.mandate_id, p.name, a.action, a.application_id, a.tracking_number "
					+ "from partners_action a join partners_partner p on p.client_id = a.partner_client_id "
					+ "where a.subject_index = :index order by a.id desc limit 200")
			.param("index", indexOf(subject))
			.query((row, n) -> new PartnerAction(row.getTimestamp("at").toInstant(),
					row.getObject("mandate_id", UUID.class), row.getString("name"), row.getString("action"),
					row.getObject("application_id", UUID.class), row.getString("tracking_number")))
			.list();
	}

	Mandate find(UUID id) {
		return findOptional(id).orElseThrow(MandateRefused::notFound);
	}

	private Optional<Mandate> findOptional(UUID id) {
		return this.jdbc
			.sql("select m.*, p.name as partner_name from partners_mandate m "
					+ "join partners_partner p on p.client_id = m.partner_client_id where m.id = :id")
			.param("id", id)
			.query((row, n) -> mandate(row))
			.optional();
	}

	private Mandate mandate(ResultSet row) throws SQLException {
		String subject = this.personalData.open(row.getString("subject_sealed"), SUBJECT_COLUMN);
		Array items = row.getArray("items");
		Timestamp withdrawn = row.getTimestamp("withdrawn_at");
		return new Mandate(row.getObject("id", UUID.class), row.getString("partner_client_id"),
				row.getString("partner_name"), subjectOf(subject), Arrays.asList((String[]) items.getArray()),
				row.getString("purpose"), row.getTimestamp("granted_at").toInstant(),
				row.getObject("valid_until", LocalDate.class), Mandate.Channel.valueOf(row.getString("channel")),
				row.getString("granted_by"), (withdrawn != null) ? withdrawn.toInstant() : null);
	}

	private static String kindOf(Subject subject) {
		return (subject.person() != null) ? "person" : "business";
	}

	private static Subject subjectOf(String stored) {
		String[] parts = stored.split(":", 2);
		return "person".equals(parts[0]) ? Subject.person(ResidentId.of(parts[1]))
				: Subject.business(CreditCode.of(parts[1]));
	}

	private String indexOf(Subject subject) {
		return (subject.person() != null) ? this.personalData.blindIndex(subject.person())
				: this.personalData.blindIndex("partners_mandate_business", subject.business().value());
	}

}
