package org.onevisit.platform.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.platform.internal.DirectSql.execute;
import static org.onevisit.platform.internal.DirectSql.query;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 26, point 5: the application's database role may only add to the transparency log
 * and the access ledger. It is refused UPDATE, DELETE and TRUNCATE on their tables, and,
 * not being their owner, switching their triggers off; a separate owner role ran the
 * migrations and owns every table. Every other integration test runs with the same roles,
 * so the application works with them.
 */
@SpringBootTest
class DatabaseRolesTests {

	private static final List<String> APPEND_ONLY = List.of("transparency_entry", "transparency_checkpoint",
			"transparency_cosignature", "exchange_ledger", "exchange_ledger_checkpoint");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theApplicationConnectsAsItsOwnRoleAndAnotherRoleOwnsEveryTable() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single())
			.isEqualTo(DatabaseRoles.APPLICATION);
		assertThat(this.jdbc
			.sql("select rolsuper or rolcreaterole or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select tablename from pg_tables where schemaname = 'public' and tableowner <> :owner")
			.param("owner", DatabaseRoles.OWNER)
			.query(String.class)
			.list()).isEmpty();
		assertThat(
				this.jdbc.sql("select count(*) from pg_tables where schemaname = 'public'").query(Long.class).single())
			.isGreaterThan(30);
	}

	@Test
	void theApplicationCannotUpdateDeleteOrTruncateTheLogOrTheLedger() {
		for (String table : APPEND_ONLY) {
			assertRefused("update " + table + " set " + firstColumn(table) + " = " + firstColumn(table), table);
			assertRefused("delete from " + table, table);
			assertRefused("truncate " + table, table);
		}
	}

	@Test
	void theApplicationCannotSwitchTheTriggersOffNorTakeTheTablesOver() {
		for (String table : APPEND_ONLY) {
			assertThatThrownBy(() -> this.jdbc.sql("alter table " + table + " disable trigger all").update())
				.rootCause()
				.hasMessageContaining("must be owner");
			assertThatThrownBy(() -> this.jdbc.sql("drop table " + table).update()).rootCause()
				.hasMessageContaining("must be owner");
		}
		assertThatThrownBy(() -> this.jdbc.sql("set session_replication_role = replica").update()).rootCause()
			.hasMessageContaining("permission denied");
		// granting itself more grants nothing (a warning, no grant option)
		this.jdbc.sql("grant update, delete on transparency_entry to current_user").update();
		assertRefused("delete from transparency_entry", "transparency_entry");
	}

	@Test
	void theSequencersStateMayOnlyGrow() throws InterruptedException {
		record(300);
		long size = awaitTree(300);
		assertThatThrownBy(() -> this.jdbc.sql("update transparency_tree set size = size - 1").update()).rootCause()
			.hasMessageContaining("may only grow");
		assertThatThrownBy(
				() -> this.jdbc.sql("update transparency_tree set root = decode(repeat('00', 32), 'hex')").update())
			.rootCause()
			.hasMessageContaining("may only grow");
		assertThatThrownBy(() -> this.jdbc.sql(
				"update transparency_tile set hashes = decode(repeat('00', 32), 'hex') || hashes where level = 0 and idx = 0")
			.update()).rootCause().hasMessageContaining("may only grow");
		assertThatThrownBy(() -> this.jdbc.sql("delete from transparency_tile").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThat(this.jdbc.sql("select size from transparency_tree").query(Long.class).single())
			.isGreaterThanOrEqualTo(size);
	}

	@Test
	void aDatabaseMadeBeforeTheRolesIsHandedOverToTheOwner() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase
			.start(new DatabaseProperties.Embedded("", 0, false, Map.of()))) {
			execute(database.jdbcUrl(), """
					create table made_before (id bigserial primary key, name text);
					create function made_before_check() returns trigger language plpgsql as
					$$ begin return new; end; $$;
					create table flyway_schema_history (installed_rank int primary key);
					""");

			DatabaseRoles.setUp(database.jdbcUrl(), EmbeddedDatabase.DATABASE);
			DatabaseRoles.setUp(database.jdbcUrl(), EmbeddedDatabase.DATABASE);

			for (String owner : List.of("select tableowner from pg_tables where tablename = 'made_before'",
					"select tableowner from pg_tables where tablename = 'flyway_schema_history'",
					"select pg_get_userbyid(relowner) from pg_class where relname = 'made_before_id_seq'",
					"select pg_get_userbyid(proowner) from pg_proc where proname = 'made_before_check'",
					"select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
				assertThat(query(database.jdbcUrl(), owner)).as(owner).isEqualTo(DatabaseRoles.OWNER);
			}
		}
	}

	private void assertRefused(String sql, String table) {
		assertThatThrownBy(() -> this.jdbc.sql(sql).update()).as(sql)
			.rootCause()
			.hasMessageContaining("permission denied for table " + table);
	}

	private String firstColumn(String table) {
		return this.jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = 'public' and table_name = :table and ordinal_position = 1
				""").param("table", table).query(String.class).single();
	}

	private void record(int entries) {
		List<LogEntry> batch = new java.util.ArrayList<>();
		for (int i = 0; i < entries; i++) {
			batch.add(LogEntry.dataAccess(900_000 + i, new byte[32], "population", "nr", "DELIVERED", Instant.now()));
		}
		this.transactions.executeWithoutResult((status) -> this.log.record(batch));
	}

	private long awaitTree(long atLeast) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			long size = this.jdbc.sql("select size from transparency_tree").query(Long.class).single();
			if (size >= atLeast) {
				return size;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the tree did not reach " + atLeast + " entries within 60 s");
	}

}
