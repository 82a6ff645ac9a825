package org.onevisit.partners.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onevisit.catalog.Catalogue;
import org.onevisit.partners.internal.BatchFile.Case;
import org.onevisit.partners.internal.PartnerFilings.Filing;
import org.onevisit.privacy.PersonalData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The batches partners hand in: each case is stored first (its filing sealed), then filed
 * on its own by {@link BatchWorker}; the partner reads the progress and, case by case,
 * the tracking numbers and the refusals.
 */
@Component
public class Batches {

	static final String FILING_COLUMN = "partners_batch_case.filing";

	private final JdbcClient jdbc;

	private final JdbcTemplate batchInserts;

	private final PersonalData personalData;

	private final JsonMapper json;

	private final BatchFile files;

	private final PartnerClients partners;

	private final Clock clock;

	Batches(JdbcClient jdbc, JdbcTemplate batchInserts, PersonalData personalData, JsonMapper json, Catalogue catalogue,
			PartnerClients partners, Clock clock) {
		this.jdbc = jdbc;
		this.batchInserts = batchInserts;
		this.personalData = personalData;
		this.json = json;
		this.files = new BatchFile(json, catalogue);
		this.partners = partners;
		this.clock = clock;
	}

	/** How far a batch is: its cases received, filed, refused and still pending. */
	public record Progress(UUID id, String partnerClientId, String format, Instant receivedAt, int received, int filed,
			int refused, int pending) {

		public boolean finished() {
			return this.pending == 0;
		}

		/** Done in whole percent, for a progress bar. */
		public int percentDone() {
			return (this.received == 0) ? 100 : (this.filed + this.refused) * 100 / this.received;
		}

	}

	/** The formats a batch file comes in. */
	public enum Format {

		JSONL, CSV

	}

	/**
	 * Reads the file and stores its cases for the worker, all or nothing: a file with a
	 * row that cannot be read, or with more than 5,000 cases, is refused whole.
	 * @param scopes the scopes the partner holds now ({@code file:<group>}), under which
	 * its cases are filed
	 */
	@Transactional
	public UUID receive(String partnerClientId, Set<String> scopes, Format format, String content, String by) {
		if (format == null) {
			throw BatchRefused.formatUnsupported();
		}
		List<Case> cases = this.files.read(format, content);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into partners_batch (id, partner_client_id, scopes, format, received_at, received_by, cases) "
					+ "values (:id, :partner, :scopes, :format, :at, :by, :cases)")
			.param("id", id)
			.param("partner", partnerClientId)
			.param("scopes", scopes.stream().sorted().toArray(String[]::new))
			.param("format", format.name())
			.param("at", Timestamp.from(now))
			.param("by", by)
			.param("cases", cases.size())
			.update();
		Timestamp due = Timestamp.from(now);
		this.batchInserts.batchUpdate(
				"insert into partners_batch_case (batch_id, row_no, idempotency_key, group_key, "
						+ "filing_sealed, state, next_attempt_at) values (?, ?, ?, ?, ?, 'PENDING', ?)",
				cases, 500, (statement, each) -> {
					statement.setObject(1, id);
					statement.setInt(2, each.row());
					statement.setString(3, each.key());
					statement.setString(4, each.group());
					statement.setString(5,
							this.personalData.seal(this.json.writeValueAsString(each.filing()), FILING_COLUMN));
					statement.setTimestamp(6, due);
				});
		return id;
	}

	/**
	 * Receives a batch for the partner on the administrator's page: under the item groups
	 * the partner is registered for.
	 */
	@Transactional
	public UUID receiveFor(String partnerClientId, Format format, String content, String admin) {
		Partner partner = this.partners.find(partnerClientId);
		if (partner.suspended()) {
			throw BatchRefused.partnerSuspended();
		}
		Set<String> scopes = partner.scopes();
		return receive(partnerClientId, scopes, format, content, admin);
	}

	/** The partner whose batches these are. */
	public Partner partner(String partnerClientId) {
		return this.partners.find(partnerClientId);
	}

	/** The partner's own batch; another's is not found. */
	public Progress progress(UUID id, String partnerClientId) {
		return this.jdbc.sql("""
				select b.id, b.partner_client_id, b.format, b.received_at, b.cases,
				       count(*) filter (where c.state = 'FILED') as filed,
				       count(*) filter (where c.state = 'REFUSED') as refused,
				       count(*) filter (where c.state = 'PENDING') as pending
				from partners_batch b join partners_batch_case c on c.batch_id = b.id
				where b.id = :id and b.partner_client_id = :partner
				group by b.id
				""")
			.param("id", id)
			.param("partner", partnerClientId)
			.query((row, n) -> new Progress(row.getObject("id", UUID.class), row.getString("partner_client_id"),
					row.getString("format"), row.getTimestamp("received_at").toInstant(), row.getInt("cases"),
					row.getInt("filed"), row.getInt("refused"), row.getInt("pending")))
			.optional()
			.orElseThrow(BatchRefused::notFound);
	}

	/** The partner's batches, newest first. */
	public List<Progress> of(String partnerClientId) {
		return this.jdbc
			.sql("select id from partners_batch where partner_client_id = :partner order by received_at desc limit 50")
			.param("partner", partnerClientId)
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> progress(id, partnerClientId))
			.toList();
	}

	/** The filed cases as CSV: row, key, tracking number, application. */
	public String results(UUID id, String partnerClientId) {
		return cases(id, partnerClientId, "FILED", "trackingNo", "tracking_number", "applicationId", "application_id");
	}

	/**
	 * The refused cases as CSV: row, key, code and the message in Chinese (the bundles'
	 * words, as the problem of a single filing says them).
	 */
	public String errors(UUID id, String partnerClientId) {
		return cases(id, partnerClientId, "REFUSED", "code", "error_code", "message", "error_message");
	}

	/**
	 * The batch's cases in one state as CSV, in row order: row, key and two columns of
	 * the case under their headings.
	 */
	private String cases(UUID id, String partnerClientId, String state, String firstHeading, String firstColumn,
			String secondHeading, String secondColumn) {
		progress(id, partnerClientId);
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader("row", "key", firstHeading, secondHeading).get())) {
			this.jdbc
				.sql("select row_no, idempotency_key, " + firstColumn + ", " + secondColumn
						+ " from partners_batch_case where batch_id = :id and state = :state order by row_no")
				.param("id", id)
				.param("state", state)
				.query((row) -> {
					print(printer, row.getInt("row_no"), row.getString("idempotency_key"), row.getObject(firstColumn),
							row.getObject(secondColumn));
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static void print(CSVPrinter printer, Object... values) {
		try {
			printer.printRecord(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Filing filingOf(String sealed) {
		return this.json.readValue(this.personalData.open(sealed, FILING_COLUMN), Filing.class);
	}

}
