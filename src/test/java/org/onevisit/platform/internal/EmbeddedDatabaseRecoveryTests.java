package org.onevisit.platform.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.platform.internal.DirectSql.execute;
import static org.onevisit.platform.internal.DirectSql.query;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server kept in a data directory comes back by itself: a server left
 * running by a OneVisit killed with SIGKILL is stopped before a new one starts on the
 * directory, and a postmaster that dies is started again, with what was committed, on the
 * same port.
 */
class EmbeddedDatabaseRecoveryTests {

	@Test
	void stopsTheServerADeadOneVisitLeftRunningAndStartsOnItsDataWithNothingLost(@TempDir Path data) throws Exception {
		DatabaseProperties.Embedded settings = durable(data);
		Path binaries;
		try (EmbeddedDatabase first = EmbeddedDatabase.start(settings)) {
			execute(first.jdbcUrl(), "create table kept (id int); insert into kept values (42)");
			binaries = first.binaries();
		}
		long orphan = leaveAServerRunning(binaries, data, deadProcess());

		try (EmbeddedDatabase second = EmbeddedDatabase.start(settings)) {
			assertThat(ProcessHandle.of(orphan)).isEmpty();
			assertThat(query(second.jdbcUrl(), "select id from kept")).isEqualTo("42");
			assertThat(Files.readString(data.resolve(EmbeddedDatabase.OWNER_FILE)))
				.isEqualTo(Long.toString(ProcessHandle.current().pid()));
		}
	}

	@Test
	void refusesToStartOnADataDirectoryWhoseOwnerIsStillRunning(@TempDir Path data) throws Exception {
		DatabaseProperties.Embedded settings = durable(data);
		Path binaries;
		try (EmbeddedDatabase first = EmbeddedDatabase.start(settings)) {
			binaries = first.binaries();
		}
		Process owner = new ProcessBuilder("sleep", "120").start();
		try {
			long running = leaveAServerRunning(binaries, data, owner.pid());

			assertThatThrownBy(() -> EmbeddedDatabase.start(settings)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(Long.toString(owner.pid()));
			assertThat(ProcessHandle.of(running)).isPresent();
		}
		finally {
			owner.destroy();
			run(EmbeddedDatabase.command(binaries, "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop"));
		}
	}

	@Test
	void startsAKilledPostmasterAgainOnTheSamePortWithWhatWasCommitted(@TempDir Path data) throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(durable(data))) {
			execute(database.jdbcUrl(), "create table kept (id int); insert into kept values (7)");
			ProcessHandle postmaster = EmbeddedDatabase.Postmaster.running(data).orElseThrow();

			postmaster.destroyForcibly();
			postmaster.onExit().get(10, TimeUnit.SECONDS);

			String answer = awaitAnswer(database.jdbcUrl(), "select id from kept", Duration.ofSeconds(90));
			assertThat(answer).isEqualTo("7");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (database.restarts() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(database.restarts()).isEqualTo(1);
			assertThat(EmbeddedDatabase.Postmaster.running(data).map(ProcessHandle::pid))
				.isNotEqualTo(Optional.of(postmaster.pid()));
		}
		assertThat(EmbeddedDatabase.Postmaster.running(data)).as("stopped with OneVisit").isEmpty();
	}

	private static DatabaseProperties.Embedded durable(Path data) {
		return new DatabaseProperties.Embedded(data.toString(), 0, true, Map.of());
	}

	/**
	 * A postmaster on the directory, started as OneVisit starts it, that names the given
	 * process as its owner: what SIGKILL of OneVisit leaves behind when that process is
	 * gone.
	 */
	private static long leaveAServerRunning(Path binaries, Path data, long owner) throws Exception {
		run(EmbeddedDatabase.command(binaries, "pg_ctl", "-D", data.toString(), "-o", "-p " + freePort() + " -F", "-l",
				data.resolve("left-behind.log").toString(), "-w", "start"));
		Files.writeString(data.resolve(EmbeddedDatabase.OWNER_FILE), Long.toString(owner));
		return EmbeddedDatabase.Postmaster.running(data).orElseThrow().pid();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long deadProcess() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		return gone.pid();
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

	private static String awaitAnswer(String url, String sql, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			try {
				return query(url, sql);
			}
			catch (SQLException ex) {
				last = ex;
				Thread.sleep(200);
			}
		}
		throw new AssertionError("no answer in " + limit, last);
	}

}
