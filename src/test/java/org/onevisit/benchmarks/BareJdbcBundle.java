package org.onevisit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.onevisit.Superuser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yardstick, rebuilt so that it runs on the same machine at the same hour as
 * the engine: a hand-written JDBC version of the 4-department bundle with no history, no
 * outbox, no validation and no workflow, 5 commits, 14 inserts and 8 updates per bundle.
 * The issue measured its own version at about 1,120 bundles/s; this VM's speed varies by
 * half from hour to hour, so the engine is judged against this one, run back to back.
 */
final class BareJdbcBundle {

	private static final String[] DEPARTMENTS = { "tax", "samr", "hrss", "police" };

	private final DataSource dataSource;

	BareJdbcBundle(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void createTables() throws SQLException {
		// the application's role may not create a schema: the superuser makes it one
		JdbcClient superuser = Superuser.of(this.dataSource).jdbc();
		superuser.sql("drop schema if exists bare cascade").update();
		superuser
			.sql("create schema bare authorization "
					+ JdbcClient.create(this.dataSource).sql("select current_user").query(String.class).single())
			.update();
		try (Connection connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute(
					"""
							create table bare.application (id uuid primary key, applicant text not null, form jsonb not null,
							  status text not null, remaining int not null, submitted_at timestamptz not null, finished_at timestamptz);
							create table bare.idempotency (applicant text, key text, application_id uuid not null, primary key (applicant, key));
							create table bare.task (id uuid primary key, application_id uuid not null, department text not null,
							  status text not null, version int not null);
							create index on bare.task (application_id);
							create table bare.candidate (task_id uuid, grp text, primary key (task_id, grp));
							create table bare.decision (id bigint generated always as identity primary key, task_id uuid not null,
							  actor text not null, decision text not null, at timestamptz not null);
							""");
		}
	}

	void dropTables() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("drop schema bare cascade");
		}
	}

	/** Files a bundle and approves its four tasks; true if it ended approved. */
	boolean fileAndApprove(String formJson) throws SQLException {
		UUID application = UUID.randomUUID();
		UUID[] tasks = new UUID[DEPARTMENTS.length];
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into bare.application (id, applicant, form, status, remaining, submitted_at) values (?, ?, ?::jsonb, 'SUBMITTED', ?, ?)")) {
				insert.setObject(1, application);
				insert.setString(2, "applicant1");
				insert.setString(3, formJson);
				insert.setInt(4, DEPARTMENTS.length);
				insert.setTimestamp(5, now);
				insert.executeUpdate();
			}
			try (PreparedStatement insert = connection
				.prepareStatement("insert into bare.idempotency (applicant, key, application_id) values (?, ?, ?)")) {
				insert.setString(1, "applicant1");
				insert.setString(2, UUID.randomUUID().toString());
				insert.setObject(3, application);
				insert.executeUpdate();
			}
			try (PreparedStatement task = connection.prepareStatement(
					"insert into bare.task (id, application_id, department, status, version) values (?, ?, ?, 'OPEN', 0)");
					PreparedStatement candidate = connection
						.prepareStatement("insert into bare.candidate (task_id, grp) values (?, ?)")) {
				for (int d = 0; d < DEPARTMENTS.length; d++) {
					tasks[d] = UUID.randomUUID();
					task.setObject(1, tasks[d]);
					task.setObject(2, application);
					task.setString(3, DEPARTMENTS[d]);
					task.addBatch();
					candidate.setObject(1, tasks[d]);
					candidate.setString(2, "reviewer-" + DEPARTMENTS[d]);
					candidate.addBatch();
				}
				task.executeBatch();
				candidate.executeBatch();
			}
			connection.commit();
		}
		String status = null;
		for (int d = 0; d < DEPARTMENTS.length; d++) {
			status = approve(tasks[d], application, "reviewer-" + DEPARTMENTS[d]);
		}
		return "APPROVED".equals(status);
	}

	private String approve(UUID task, UUID application, String reviewer) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			int version;
			try (PreparedStatement select = connection
				.prepareStatement("select status, version from bare.task where id = ? for update")) {
				select.setObject(1, task);
				try (ResultSet row = select.executeQuery()) {
					row.next();
					if (!"OPEN".equals(row.getString(1))) {
						throw new IllegalStateException("task " + task + " is not open");
					}
					version = row.getInt(2);
				}
			}
			try (PreparedStatement update = connection.prepareStatement(
					"update bare.task set status = 'APPROVED', version = version + 1 where id = ? and version = ?")) {
				update.setObject(1, task);
				update.setInt(2, version);
				update.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into bare.decision (task_id, actor, decision, at) values (?, ?, 'APPROVE', now())")) {
				insert.setObject(1, task);
				insert.setString(2, reviewer);
				insert.executeUpdate();
			}
			String status;
			try (PreparedStatement update = connection.prepareStatement("""
					update bare.application set remaining = remaining - 1,
					  status = case when remaining = 1 then 'APPROVED' else status end,
					  finished_at = case when remaining = 1 then now() end
					where id = ? returning status""")) {
				update.setObject(1, application);
				try (ResultSet row = update.executeQuery()) {
					row.next();
					status = row.getString(1);
				}
			}
			connection.commit();
			return status;
		}
	}

}
