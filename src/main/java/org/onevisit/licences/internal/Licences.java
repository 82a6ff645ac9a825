package org.onevisit.licences.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.onevisit.licences.Licence;
import org.onevisit.shared.Subject;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.CreditCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licences table. Rows are written once when issued and changed once when revoked;
 * the signed document itself is never rewritten.
 */
@Repository
class Licences {

	/** A licence row: the signed document and what happened to it since. */
	record Row(UUID id, String document, Instant revokedAt, String revokedBy, String revocationReason, UUID successor,
			String successorNumber) {
	}

	/** A licence about to be stored. */
	record Issued(UUID id, String typeName, String typeCode, Subject holder, String issuerDepartment,
			UUID applicationId, String trackingNumber, String itemCode, LocalDate issuedOn, LocalDate validUntil,
			String keyId, String legalNumber, String document, Instant issuedAt) {
	}

	/**
	 * A licence with its successor's legal number, if a new licence replaced it. The
	 * successor is a subquery by its key, not a join: with a join the planner, misled by
	 * statistics not yet gathered (a new or emptied table), chose to hash the whole table
	 * for every lookup, and a connection kept that plan as the table grew (issue 6's
	 * benchmark: 646 buffers per lookup of one licence).
	 */
	private static final String SELECT = "select l.*, (select s.legal_number from licences_licence s"
			+ " where s.id = l.superseded_by) as successor_number from licences_licence l";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final PersonalData personalData;

	private final TransactionTemplate separately;

	Licences(JdbcClient jdbc, JdbcTemplate batch, PersonalData personalData,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.personalData = personalData;
		this.separately = new TransactionTemplate(transactionManager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Stores what is not stored yet, in one statement; an item that already has its
	 * licence keeps it. Answers the ids actually stored.
	 */
	Set<UUID> insertNew(List<Issued> licences) {
		if (licences.isEmpty()) {
			return Set.of();
		}
		Issued first = licences.get(0);
		List<UUID> stored = this.batch.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into licences_licence (id, type_name, type_code, holder_resident_id, holder_credit_code,
					    issuer_department, application_id, tracking_number, item_code, issued_on, valid_until, key_id,
					    document, issued_at, legal_number)
					select l.id, l.type_name, l.type_code, l.person, l.business, l.issuer, ?, ?, l.item, ?,
					       cast(l.valid_until as date), l.key_id, l.document, ?, l.legal_number
					from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					    as l(id, type_name, type_code, person, business, issuer, item, valid_until, key_id, document,
					         legal_number)
					on conflict (application_id, item_code, (coalesce(holder_resident_id, holder_credit_code)))
					do nothing
					returning id
					""");
			statement.setObject(1, first.applicationId());
			statement.setString(2, first.trackingNumber());
			statement.setObject(3, first.issuedOn());
			statement.setTimestamp(4, Timestamp.from(first.issuedAt()));
			statement.setArray(5, connection.createArrayOf("uuid", column(licences, Issued::id)));
			statement.setArray(6, connection.createArrayOf("text", column(licences, Issued::typeName)));
			statement.setArray(7, connection.createArrayOf("text", column(licences, Issued::typeCode)));
			statement.setArray(8, connection.createArrayOf("text", column(licences, (l) -> person(l.holder()))));
			statement.setArray(9, connection.createArrayOf("text", column(licences, (l) -> business(l.holder()))));
			statement.setArray(10, connection.createArrayOf("text", column(licences, Issued::issuerDepartment)));
			statement.setArray(11, connection.createArrayOf("text", column(licences, Issued::itemCode)));
			statement.setArray(12, connection.createArrayOf("text",
					column(licences, (l) -> (l.validUntil() != null) ? l.validUntil().toString() : null)));
			statement.setArray(13, connection.createArrayOf("text", column(licences, Issued::keyId)));
			statement.setArray(14, connection.createArrayOf("text",
					column(licences, (l) -> this.personalData.seal(l.document(), documentContext(l.id())))));
			statement.setArray(15, connection.createArrayOf("text", column(licences, Issued::legalNumber)));
			return statement;
		}, (row, rowNum) -> row.getObject(1, UUID.class));
		return Set.copyOf(stored);
	}

	private static Object[] column(List<Issued> licences, Function<Issued, Object> value) {
		return licences.stream().map(value).toArray();
	}

	/**
	 * What an application's licences already are, as {@link #key item and holder}: a
	 * retry issues only the others.
	 */
	Set<String> issuedKeys(UUID applicationId) {
		return Set.copyOf(this.jdbc
			.sql("select item_code || '/' || coalesce(holder_resident_id, holder_credit_code) from licences_licence"
					+ " where application_id = :application")
			.param("application", applicationId)
			.query(String.class)
			.list());
	}

	String key(String itemCode, Subject holder) {
		return itemCode + "/" + ((holder.person() != null) ? person(holder) : business(holder));
	}

	/**
	 * The next number of a type's sequence in a year, from 1, taken in a transaction of
	 * its own: the counter's row is locked for that one statement and its commit, not
	 * until the licence's transaction commits, which had every issuer of a type wait in
	 * line behind the one signing and storing (issue 6's benchmark: 8 threads issued
	 * under 500 licences/s, 7 of them waiting on this row). A number whose licence then
	 * rolls back stays unused, a gap, as with a database sequence; no number is ever
	 * handed out twice.
	 * <p>
	 * That transaction does not wait for the disk ({@code synchronous_commit} off for it
	 * alone, set by the statement itself rather than by a {@code SET LOCAL} of its own
	 * round trip): its commit record precedes in the WAL the commit of any licence
	 * carrying the number, and flushing that commit flushes it too (on a standby as
	 * well). After a crash the counter has every number a stored licence carries; only
	 * numbers no stored licence carries can come again.
	 */
	long nextInSequence(String typeCode, int year) {
		Long next = this.separately.execute((status) -> this.jdbc.sql("""
				insert into licences_number_sequence (type_code, year, last_value) values (:type, :year, 1)
				on conflict (type_code, year) do update set last_value = licences_number_sequence.last_value + 1
				returning last_value, set_config('synchronous_commit', 'off', true)
				""")
			.param("type", typeCode)
			.param("year", year)
			.query((row, number) -> row.getLong("last_value"))
			.single());
		return Objects.requireNonNull(next);
	}

	/**
	 * The standing licences of a type that carry a legal number (a cancelled
	 * certificate).
	 */
	List<Row> unrevokedNumbered(String typeName, String number) {
		return this.jdbc
			.sql(SELECT + " where l.type_name = :type and l.legal_number = :number" + " and l.revoked_at is null")
			.param("type", typeName)
			.param("number", number)
			.query(this::row)
			.list();
	}

	/** Revokes once as replaced by its successor: false if it was revoked meanwhile. */
	boolean supersede(UUID id, Licence.Revocation revocation, UUID successor) {
		return this.jdbc.sql("""
				update licences_licence set revoked_at = :at, revoked_by = :by, revocation_reason = :reason,
				    superseded_by = :successor
				where id = :id and revoked_at is null
				""")
			.param("at", Timestamp.from(revocation.at()))
			.param("by", revocation.by())
			.param("reason", revocation.reason())
			.param("successor", successor)
			.param("id", id)
			.update() == 1;
	}

	/** Whether a licence was issued, and its revocation if it was revoked. */
	Optional<Row> state(UUID id) {
		return this.jdbc
			.sql("select l.id, null as document, l.revoked_at, l.revoked_by, l.revocation_reason, l.superseded_by,"
					+ " s.legal_number as successor_number from licences_licence l"
					+ " left join licences_licence s on s.id = l.superseded_by where l.id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(this::row).optional();
	}

	List<Row> heldBy(Subject holder) {
		HolderColumn column = holderColumn(holder);
		return this.jdbc.sql(SELECT + " where l." + column.name() + " = :holder order by l.issued_at desc")
			.param("holder", column.value())
			.query(this::row)
			.list();
	}

	/** The newest licence of a type the holder has that is not revoked. */
	List<Row> unrevoked(Subject holder, String typeName) {
		HolderColumn column = holderColumn(holder);
		return this.jdbc
			.sql(SELECT + " where l." + column.name()
					+ " = :holder and l.type_name = :type and l.revoked_at is null order by l.issued_at desc limit 20")
			.param("holder", column.value())
			.param("type", typeName)
			.query(this::row)
			.list();
	}

	List<Row> issuedFor(String trackingNumber) {
		return this.jdbc.sql(SELECT + " where l.tracking_number = :tracking order by l.item_code, l.issued_at")
			.param("tracking", trackingNumber)
			.query(this::row)
			.list();
	}

	/** Revokes once: false if it was revoked meanwhile. */
	boolean revoke(UUID id, Licence.Revocation revocation) {
		return this.jdbc.sql("""
				update licences_licence set revoked_at = :at, revoked_by = :by, revocation_reason = :reason
				where id = :id and revoked_at is null
				""")
			.param("at", Timestamp.from(revocation.at()))
			.param("by", revocation.by())
			.param("reason", revocation.reason())
			.param("id", id)
			.update() == 1;
	}

	private Row row(ResultSet row, int rowNum) throws SQLException {
		Timestamp revoked = row.getTimestamp("revoked_at");
		UUID id = row.getObject("id", UUID.class);
		return new Row(id, this.personalData.open(row.getString("document"), documentContext(id)),
				(revoked != null) ? revoked.toInstant() : null, row.getString("revoked_by"),
				row.getString("revocation_reason"), row.getObject("superseded_by", UUID.class),
				row.getString("successor_number"));
	}

	/** The column a holder's licences are found by, and the holder's value in it. */
	private record HolderColumn(String name, String value) {

	}

	private HolderColumn holderColumn(Subject holder) {
		return (holder.person() != null) ? new HolderColumn("holder_resident_id", person(holder))
				: new HolderColumn("holder_credit_code", business(holder));
	}

	/** A person holds licences by the blind index of their resident ID. */
	private String person(Subject holder) {
		return this.personalData.blindIndex(holder.person());
	}

	// the signed document names the holder: sealed, bound to its licence
	private static String documentContext(UUID id) {
		return "licences_licence.document/" + id;
	}

	private static String business(Subject holder) {
		return Optional.ofNullable(holder.business()).map(CreditCode::value).orElse(null);
	}

}
