package org.onevisit.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL 17 server (zonky's binaries, the version OneVisit embeds and production
 * runs) in the test's own JVM, outside every node, so that nodes can be stopped and
 * started around it as production's nodes are around their database server. Durable:
 * {@code fsync} and {@code synchronous_commit} on, as {@code EmbeddedDatabase} sets them.
 */
final class SharedPostgres implements Database, AutoCloseable {

	private final EmbeddedPostgres server;

	private SharedPostgres(EmbeddedPostgres server) {
		this.server = server;
	}

	/** Starts a fresh server in this (emptied) directory, with an empty database. */
	static SharedPostgres start(Path directory) throws IOException, SQLException {
		LocalPostgres.deleteRecursively(directory);
		Files.createDirectories(directory);
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + LocalPostgres.DATABASE + " encoding 'UTF8' template template0");
		}
		return new SharedPostgres(server);
	}

	/** The URL the nodes connect with, as user postgres. */
	String jdbcUrl() {
		return this.server.getJdbcUrl("postgres", LocalPostgres.DATABASE);
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl());
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
