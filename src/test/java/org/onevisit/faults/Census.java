package org.onevisit.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * What the database holds after a fault, counted straight from PostgreSQL: the filings of
 * one load run (marked by their address), duplicates, licences per approved item, and
 * event publications left incomplete.
 */
record Census(long found, long acknowledgedFound, long duplicates, long approved, long licenceDuplicates,
		long approvedWithoutLicences, long incompletePublications) {

	static Census take(LocalPostgres postgres, Load load) throws SQLException {
		try (Connection connection = postgres.connect()) {
			String prefix = load.addressPrefix() + "%";
			long found = count(connection,
					"select count(*) from applications_application where form ->> 'address' like ?", prefix);
			long acknowledgedFound = count(connection,
					"select count(*) from applications_application where id = any(?)",
					uuids(connection, load.acknowledged.values()));
			long duplicates = count(connection, """
					select coalesce(sum(n - 1), 0) from (
					    select count(*) as n from applications_application
					    where form ->> 'address' like ? group by form ->> 'address') filings
					""", prefix);
			long approved = count(connection,
					"select count(*) from applications_application where form ->> 'address' like ? and status = 'APPROVED'",
					prefix);
			long licenceDuplicates = count(connection, """
					select coalesce(sum(n - 1), 0) from (
					    select count(*) as n from licences_licence l
					    join applications_application a on a.id = l.application_id
					    where a.form ->> 'address' like ? group by l.application_id, l.item_code) issued
					""", prefix);
			long approvedWithoutLicences = count(connection, """
					select count(*) from applications_application a
					where a.form ->> 'address' like ? and a.status = 'APPROVED'
					  and not exists (select 1 from licences_licence l where l.application_id = a.id)
					""", prefix);
			return new Census(found, acknowledgedFound, duplicates, approved, licenceDuplicates,
					approvedWithoutLicences, incompletePublications(connection));
		}
	}

	/** Waits until no event publication is left incomplete, or the time is up. */
	static Duration awaitOutboxDrained(LocalPostgres postgres, Duration limit)
			throws SQLException, InterruptedException {
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
	static long incompletePublications(LocalPostgres postgres) throws SQLException {
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
