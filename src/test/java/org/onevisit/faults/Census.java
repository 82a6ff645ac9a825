package org.onevisit.faults;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

import org.onevisit.shared.Sm4Gcm;
import org.onevisit.signing.KeyEncryptionKey;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds after a fault, counted straight from PostgreSQL: the filings of
 * one load run (marked in their form), duplicates, licences per approved item, and event
 * publications left incomplete.
 */
record Census(long found, long acknowledgedFound, long duplicates, long approved, long licenceDuplicates,
		long approvedWithoutLicences, long incompletePublications) {

	private static final JsonMapper JSON = new JsonMapper();

	static Census take(Database postgres, Load load) throws SQLException {
		try (Connection connection = postgres.connect()) {
			// forms are sealed (docs/privacy.md): the run's filings are found by opening
			// them
			Map<UUID, String> run = filingsOf(connection, load.markPrefix());
			java.sql.Array ids = connection.createArrayOf("uuid", run.keySet().toArray());
			long found = run.size();
			long acknowledgedFound = count(connection,
					"select count(*) from applications_application where id = any(?)",
					uuids(connection, load.acknowledged.values()));
			long duplicates = run.size() - new HashSet<>(run.values()).size();
			long approved = count(connection,
					"select count(*) from applications_application where id = any(?) and status = 'APPROVED'", ids);
			long licenceDuplicates = count(connection, """
					select coalesce(sum(n - 1), 0) from (
					    select count(*) as n from licences_licence l
					    where l.application_id = any(?) group by l.application_id, l.item_code) issued
					""", ids);
			long approvedWithoutLicences = count(connection, """
					select count(*) from applications_application a
					where a.id = any(?) and a.status = 'APPROVED'
					  and not exists (select 1 from licences_licence l where l.application_id = a.id)
					""", ids);
			return new Census(found, acknowledgedFound, duplicates, approved, licenceDuplicates,
					approvedWithoutLicences, incompletePublications(connection));
		}
	}

	/**
	 * What the fault tests hold a load run to once the outbox has drained: every filing
	 * acknowledged is found, none twice, each approved item has one licence, no event
	 * publication is left incomplete, and no client gave up or had its matter refused.
	 */
	void assertEveryAcknowledgedFilingKeptOnce(Load load) {
		assertThat(acknowledgedFound()).as("lost").isEqualTo(load.acknowledged.size());
		assertThat(duplicates()).as("duplicates").isZero();
		assertThat(licenceDuplicates()).as("licence duplicates").isZero();
		assertThat(approvedWithoutLicences()).as("approved without a licence").isZero();
		assertThat(incompletePublications()).as("incomplete publications").isZero();
		assertThat(load.gaveUp.sum()).isZero();
		assertThat(load.refused.sum()).as("refused: " + load.firstRefusal.get()).isZero();
	}

	/**
	 * The filings whose form's mark starts with the prefix, with their mark: each form
	 * opened with the data keys, unwrapped under the nodes' key-encryption key.
	 */
	private static Map<UUID, String> filingsOf(Connection connection, String prefix) throws SQLException {
		KeyEncryptionKey kek = KeyEncryptionKey.ofHex(Node.KEK);
		Map<Integer, byte[]> keys = new HashMap<>();
		try (PreparedStatement statement = connection
			.prepareStatement("select id, wrapped from privacy_data_key where use = 'SEAL'");
				ResultSet row = statement.executeQuery()) {
			while (row.next()) {
				keys.put(row.getInt(1), kek.unwrap(row.getBytes(2), "privacy/seal/" + row.getInt(1)));
			}
		}
		Map<UUID, String> filings = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("select id, form from applications_application");
				ResultSet row = statement.executeQuery()) {
			while (row.next()) {
				// pd1.<key id>.<base64>, bound to <key id>/applications_application.form
				String[] sealed = row.getString(2).split("\\.", 3);
				int keyId = Integer.parseInt(sealed[1]);
				byte[] form = Sm4Gcm.open(keys.get(keyId), Base64.getDecoder().decode(sealed[2]),
						(keyId + "/applications_application.form").getBytes(StandardCharsets.UTF_8));
				String mark = JSON.readTree(form).path(Load.MARK_FIELD).asString();
				if (mark.startsWith(prefix)) {
					filings.put(row.getObject(1, UUID.class), mark);
				}
			}
		}
		return filings;
	}

	/** Waits until no event publication is left incomplete, or the time is up. */
	static Duration awaitOutboxDrained(Database postgres, Duration limit) throws SQLException, InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		try (Connection connection = postgres.connect()) {
			while (incompletePublications(connection) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(1000);
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** Event publications not (yet) completed, right now. */
	static long incompletePublications(Database postgres) throws SQLException {
		try (Connection connection = postgres.connect()) {
			return incompletePublications(connection);
		}
	}

	private static long incompletePublications(Connection connection) throws SQLException {
		return count(connection, "select count(*) from event_publication where completion_date is null");
	}

	private static java.sql.Array uuids(Connection connection, Collection<String> ids) throws SQLException {
		return connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
	}

	private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}
