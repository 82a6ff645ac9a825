package org.onevisit.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One statement on a connection of its own to a server by URL (the embedded server trusts
 * its superuser without a password): for the tests of the server and its roles, which run
 * before or beside any pool.
 */
final class DirectSql {

	private DirectSql() {
	}

	/** The first column of the first row the query answers. */
	static String query(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
