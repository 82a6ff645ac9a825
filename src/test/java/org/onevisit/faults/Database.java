package org.onevisit.faults;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL server a fault test counts in: one of its own ({@link LocalPostgres}) or
 * the one embedded in a OneVisit ({@link EmbeddedServer}).
 */
interface Database {

	Connection connect() throws SQLException;

}
