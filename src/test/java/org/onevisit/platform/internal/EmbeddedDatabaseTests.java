package org.onevisit.platform.internal;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zonky starts PostgreSQL with fsync and synchronous commit off; the run command must not
 * lose a committed application on a power cut, so its durable mode turns both back on.
 */
class EmbeddedDatabaseTests {

	@Test
	void runsDurablyWithFsyncAndSynchronousCommitOnAndKeepsItsDataAcrossRestarts(@TempDir Path data) throws Exception {
		DatabaseProperties.Embedded durable = new DatabaseProperties.Embedded(data.toString(), 0, true,
				java.util.Map.of());

		try (EmbeddedDatabase database = EmbeddedDatabase.start(durable)) {
			assertThat(setting(database, "fsync")).isEqualTo("on");
			assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
			execute(database, "create table kept (id int); insert into kept values (42)");
		}
		try (EmbeddedDatabase restarted = EmbeddedDatabase.start(durable)) {
			assertThat(query(restarted, "select id from kept")).isEqualTo("42");
		}
	}

	@Test
	void runsFastButUndurablyForTestsWhenAsked() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase
			.start(new DatabaseProperties.Embedded("", 0, false, java.util.Map.of()))) {
			assertThat(setting(database, "fsync")).isEqualTo("off");
			assertThat(setting(database, "server_encoding")).isEqualTo("UTF8");
		}
	}

	private static String setting(EmbeddedDatabase database, String name) throws SQLException {
		return query(database, "show " + name);
	}

	private static String query(EmbeddedDatabase database, String sql) throws SQLException {
		return DirectSql.query(database.jdbcUrl(), sql);
	}

	private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
		DirectSql.execute(database.jdbcUrl(), sql);
	}

}
