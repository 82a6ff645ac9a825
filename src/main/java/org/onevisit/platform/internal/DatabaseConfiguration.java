package org.onevisit.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.onevisit.platform.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: an external PostgreSQL when {@code onevisit.db.url} is set,
 * otherwise a real PostgreSQL 17 started in-process by zonky. Zonky starts its server
 * with {@code fsync} and {@code synchronous_commit} off; a durable run turns both back on
 * and checks that they are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final String DATABASE = "onevisit";

	@Bean
	DatabaseMode databaseMode(DatabaseProperties properties, Environment environment) {
		boolean embedded = !StringUtils.hasText(properties.url());
		// onevisit.demo overrides; by default only the embedded database gets demo
		// accounts and data.
		boolean demo = environment.getProperty("onevisit.demo", Boolean.class, embedded);
		return new DatabaseMode() {
			@Override
			public boolean embedded() {
				return embedded;
			}

			@Override
			public boolean demo() {
				return demo;
			}
		};
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException, SQLException {
		if (StringUtils.hasText(properties.url())) {
			return EmbeddedDatabase.NONE;
		}
		return EmbeddedDatabase.start(properties.embedded());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) throws SQLException {
		HikariConfig config = new HikariConfig();
		config.setPoolName("onevisit");
		config.setMaximumPoolSize(properties.poolSize());
		config.setConnectionTimeout(properties.connectionTimeout().toMillis());
		// a batch of inserts becomes one multi-row insert: one round trip for the tasks
		// of a bundle
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		if (embedded == EmbeddedDatabase.NONE) {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setJdbcUrl(embedded.jdbcUrl());
			config.setUsername("postgres");
		}
		return new HikariDataSource(config);
	}

	/** The in-process server, or {@link #NONE} when an external one is used. */
	static final class EmbeddedDatabase implements AutoCloseable {

		static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);

		private final EmbeddedPostgres postgres;

		private final String jdbcUrl;

		private EmbeddedDatabase(EmbeddedPostgres postgres, String jdbcUrl) {
			this.postgres = postgres;
			this.jdbcUrl = jdbcUrl;
		}

		static EmbeddedDatabase start(DatabaseProperties.Embedded settings) throws IOException, SQLException {
			// Spring closes the server with the context; zonky's own shutdown hook would
			// race it.
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setPort(settings.port())
				.setServerConfig("fsync", settings.durable() ? "on" : "off")
				.setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
				.setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
				.setServerConfig("max_connections", "200")
				// a write-heavy server's usual settings: checkpoints by time rather
				// than every gigabyte of WAL, so fewer full-page images; durability is
				// unchanged
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min");
			if (settings.settings() != null) {
				settings.settings().forEach(builder::setServerConfig);
			}
			if (StringUtils.hasText(settings.dataDirectory())) {
				Path directory = Path.of(settings.dataDirectory()).toAbsolutePath();
				Files.createDirectories(directory);
				builder.setDataDirectory(directory).setCleanDataDirectory(false);
			}
			EmbeddedPostgres postgres = builder.start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				if (settings.durable()) {
					requireSetting(statement, "fsync", "on");
					requireSetting(statement, "synchronous_commit", "on");
				}
				try (ResultSet exists = statement
					.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
					if (!exists.next()) {
						statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
			String url = postgres.getJdbcUrl("postgres", DATABASE);
			log.info("Embedded PostgreSQL on port {} (durable: {}, data: {})", postgres.getPort(), settings.durable(),
					StringUtils.hasText(settings.dataDirectory()) ? settings.dataDirectory() : "temporary");
			return new EmbeddedDatabase(postgres, url);
		}

		private static void requireSetting(Statement statement, String name, String expected) throws SQLException {
			try (ResultSet result = statement.executeQuery("show " + name)) {
				result.next();
				String actual = result.getString(1);
				if (!expected.equals(actual)) {
					throw new IllegalStateException("Embedded PostgreSQL runs with " + name + "=" + actual
							+ ", a durable run needs " + expected);
				}
			}
		}

		String jdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public void close() throws IOException {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}

	}

}
