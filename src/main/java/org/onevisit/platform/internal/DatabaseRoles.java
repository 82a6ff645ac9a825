package org.onevisit.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's two roles (issue 26, point 5): {@value #OWNER} owns the database
 * and every object in it and runs the migrations; {@value #APPLICATION}, which the pool
 * uses, gets its rights from the migrations (DML on the tables it needs, only INSERT and
 * SELECT on the transparency log and the access ledger). Not being the owner, the
 * application cannot disable their triggers or grant itself more.
 * <p>
 * Run as the superuser at each start, before the migrations: it creates what is missing
 * and hands over what the superuser still owns, which is everything in a data directory
 * made before the roles existed. An external server is set up by hand
 * (docs/deployment.md).
 */
final class DatabaseRoles {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	static final String OWNER = "onevisit_owner";

	static final String APPLICATION = "onevisit_app";

	private DatabaseRoles() {
	}

	/**
	 * Sets the roles up on the embedded server's OneVisit database, connecting as the
	 * superuser by that URL (the embedded server trusts local connections: the roles have
	 * no password).
	 */
	static void setUp(String superuserUrl, String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(superuserUrl);
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (String role : List.of(OWNER, APPLICATION)) {
				if (!exists(statement, "select 1 from pg_roles where rolname = '" + role + "'")) {
					statement.execute("create role " + role + " login");
				}
			}
			statement.execute("alter database " + database + " owner to " + OWNER);
			int handedOver = handOver(statement);
			connection.commit();
			if (handedOver > 0) {
				log.info("Handed {} database objects over to the owner role {}", handedOver, OWNER);
			}
		}
	}

	/**
	 * Makes the owner role own every table, sequence, view, function and type of the
	 * public schema: tables first, since a serial's sequence goes with its table and
	 * cannot be handed over on its own.
	 */
	private static int handOver(Statement statement) throws SQLException {
		List<String> changes = new ArrayList<>();
		changes.addAll(list(statement, """
				select 'alter ' || case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
				       else 'table' end || ' ' || quote_ident(c.relname) || ' owner to %s'
				from pg_class c
				where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
				  and c.relowner <> '%s'::regrole
				""".formatted(OWNER, OWNER)));
		for (String change : changes) {
			statement.execute(change);
		}
		List<String> rest = new ArrayList<>();
		rest.addAll(list(statement, """
				select 'alter sequence ' || quote_ident(c.relname) || ' owner to %s'
				from pg_class c
				where c.relnamespace = 'public'::regnamespace and c.relkind = 'S' and c.relowner <> '%s'::regrole
				""".formatted(OWNER, OWNER)));
		rest.addAll(list(statement, """
				select 'alter ' || case p.prokind when 'p' then 'procedure' else 'function' end || ' '
				       || p.oid::regprocedure || ' owner to %s'
				from pg_proc p
				where p.pronamespace = 'public'::regnamespace and p.proowner <> '%s'::regrole
				  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
				""".formatted(OWNER, OWNER)));
		rest.addAll(list(statement, """
				select 'alter type ' || t.oid::regtype || ' owner to %s'
				from pg_type t
				where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd')
				  and t.typowner <> '%s'::regrole
				""".formatted(OWNER, OWNER)));
		for (String change : rest) {
			statement.execute(change);
		}
		return changes.size() + rest.size();
	}

	private static boolean exists(Statement statement, String query) throws SQLException {
		try (ResultSet result = statement.executeQuery(query)) {
			return result.next();
		}
	}

	private static List<String> list(Statement statement, String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(query)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
