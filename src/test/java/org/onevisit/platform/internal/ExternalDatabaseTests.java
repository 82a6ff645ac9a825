package org.onevisit.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitApplication;
import org.onevisit.identity.AccountManagement;
import org.onevisit.platform.DatabaseMode;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With ONEVISIT_DB_URL set, OneVisit uses that server and opens no demo account unless
 * {@code --onevisit.demo=true} is given. The "external" server here is a separate
 * PostgreSQL.
 */
class ExternalDatabaseTests {

	static EmbeddedDatabase server;

	@BeforeAll
	static void startAnotherServer() throws Exception {
		server = EmbeddedDatabase.start(new DatabaseProperties.Embedded("", 0, false, java.util.Map.of()));
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("create database plain");
			statement.execute("create database demo");
		}
	}

	@AfterAll
	static void stopIt() throws Exception {
		server.close();
	}

	@Test
	void opensNoDemoAccountOnAnExternalDatabase() {
		try (ConfigurableApplicationContext context = start("plain",
				"--onevisit.keys.kek=" + KeyEncryptionKey.generate().toHex())) {
			assertThat(context.getBean(DatabaseMode.class).embedded()).isFalse();
			assertThat(context.getBean(DatabaseMode.class).demo()).isFalse();
			assertThat(context.getBean(AccountManagement.class).findByUsername("admin1")).isEmpty();
		}
	}

	@Test
	void refusesToStartOutsideTheDemoWithoutAKeyEncryptionKeyAndSaysWhereToGiveIt() {
		// no ONEVISIT_KEK and no file: nothing is made up that the data could not be
		// opened
		// without later
		assertThatThrownBy(() -> start("plain", "--onevisit.keys.kek=",
				"--onevisit.keys.kek-file=target/external-database-tests/no-such.kek"))
			.rootCause()
			.hasMessageContaining("ONEVISIT_KEK")
			.hasMessageContaining("onevisit.keys.kek-file");
		assertThat(Path.of("target/external-database-tests/no-such.kek")).doesNotExist();
	}

	@Test
	void seedsDemoAccountsOnAnExternalDatabaseWhenAskedTo() {
		try (ConfigurableApplicationContext context = start("demo", "--onevisit.demo=true")) {
			assertThat(context.getBean(DatabaseMode.class).demo()).isTrue();
			assertThat(context.getBean(AccountManagement.class).findByUsername("admin1")).isPresent();
		}
	}

	private static ConfigurableApplicationContext start(String database, String... extraArguments) {
		String url = server.jdbcUrl().replaceFirst("/onevisit\\?", "/" + database + "?");
		// as command-line arguments: they outrank application.yml, as ONEVISIT_DB_URL
		// does
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--onevisit.db.url=" + url,
				"--onevisit.db.user=postgres", "--onevisit.db.password=", "--spring.profiles.active=test",
				"--onevisit.public-url=https://zwfw.example.gov.cn"));
		arguments.addAll(List.of(extraArguments));
		return new SpringApplicationBuilder(OneVisitApplication.class).run(arguments.toArray(String[]::new));
	}

}
