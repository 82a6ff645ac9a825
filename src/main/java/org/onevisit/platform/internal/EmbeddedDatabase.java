package org.onevisit.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The in-process PostgreSQL 17 started by zonky, or {@link #NONE} when an external one is
 * used. Zonky starts its server with {@code fsync} and {@code synchronous_commit} off; a
 * durable run turns both back on and checks that they are.
 * <p>
 * A server kept in a data directory outlives a OneVisit killed with SIGKILL (the
 * postmaster is no child of the JVM once {@code pg_ctl} has started it), and a second
 * postmaster cannot start on that directory. So each start records the owning JVM's pid
 * beside {@code postmaster.pid}, stops a server whose owner is gone before starting its
 * own, and, while running, starts the postmaster again when it dies (PostgreSQL replays
 * the WAL by itself; the pool reconnects once it answers).
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null, null);

	static final String DATABASE = "onevisit";

	/** Beside {@code postmaster.pid}: the pid of the JVM that started the server. */
	static final String OWNER_FILE = "onevisit.owner";

	/** How long a server left behind gets to shut down before the start gives up. */
	private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final EmbeddedPostgres postgres;

	private final String jdbcUrl;

	private final Supervisor supervisor;

	private EmbeddedDatabase(EmbeddedPostgres postgres, String jdbcUrl, Supervisor supervisor) {
		this.postgres = postgres;
		this.jdbcUrl = jdbcUrl;
		this.supervisor = supervisor;
	}

	static EmbeddedDatabase start(DatabaseProperties.Embedded settings) throws IOException, SQLException {
		Map<String, String> server = new LinkedHashMap<>();
		server.put("fsync", settings.durable() ? "on" : "off");
		server.put("synchronous_commit", settings.durable() ? "on" : "off");
		server.put("full_page_writes", settings.durable() ? "on" : "off");
		server.put("max_connections", "200");
		// a write-heavy server's usual settings: checkpoints by time rather than every
		// gigabyte of WAL, so fewer full-page images; durability is unchanged
		server.put("max_wal_size", "4GB");
		server.put("checkpoint_timeout", "15min");
		if (settings.settings() != null) {
			server.putAll(settings.settings());
		}
		// Spring closes the server with the context; zonky's own shutdown hook would race
		// it.
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			// zonky's 10 s were too few for a start right after stopping a server left
			// behind, on a busy machine
			.setPGStartupWait(STARTUP_WAIT)
			.setPort(settings.port());
		server.forEach(builder::setServerConfig);
		Path directory = null;
		if (StringUtils.hasText(settings.dataDirectory())) {
			directory = Path.of(settings.dataDirectory()).toAbsolutePath();
			Files.createDirectories(directory);
			stopServerLeftBehind(directory);
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
				(directory != null) ? directory : "temporary");
		Supervisor supervisor = null;
		if (directory != null) {
			// a throw-away directory is deleted with its server: nothing to start again
			supervisor = new Supervisor(directory, postgres.getPort(), server);
			supervisor.start();
		}
		return new EmbeddedDatabase(postgres, url, supervisor);
	}

	/**
	 * Stops the server a dead OneVisit left running on the directory (fast shutdown: a
	 * checkpoint, open transactions rolled back, as {@code pg_ctl stop -m fast}). Refuses
	 * to start when the owner is still alive: two OneVisits on one directory would both
	 * think they own it.
	 */
	static void stopServerLeftBehind(Path directory) throws IOException {
		Optional<ProcessHandle> postmaster = Postmaster.running(directory);
		if (postmaster.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> owner = owner(directory)
			.filter((process) -> process.pid() != ProcessHandle.current().pid());
		if (owner.isPresent()) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory
					+ " belongs to the running OneVisit process " + owner.get().pid() + "; stop that one first");
		}
		long pid = postmaster.get().pid();
		log.warn("Embedded PostgreSQL {} in {} was left running by a OneVisit that is gone; stopping it", pid,
				directory);
		Postmaster.signal(pid, "INT");
		long deadline = System.nanoTime() + ORPHAN_SHUTDOWN.toNanos();
		while (Postmaster.alive(pid)) {
			if (System.nanoTime() > deadline) {
				throw new IOException("PostgreSQL " + pid + " left in " + directory + " did not stop in "
						+ ORPHAN_SHUTDOWN.toSeconds() + " s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for PostgreSQL " + pid + " to stop", ex);
			}
		}
		log.info("Embedded PostgreSQL {} left behind stopped", pid);
	}

	private static Optional<ProcessHandle> owner(Path directory) {
		try {
			String pid = Files.readString(directory.resolve(OWNER_FILE), StandardCharsets.US_ASCII).trim();
			return ProcessHandle.of(Long.parseLong(pid));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void requireSetting(Statement statement, String name, String expected) throws SQLException {
		try (ResultSet result = statement.executeQuery("show " + name)) {
			result.next();
			String actual = result.getString(1);
			if (!expected.equals(actual)) {
				throw new IllegalStateException(
						"Embedded PostgreSQL runs with " + name + "=" + actual + ", a durable run needs " + expected);
			}
		}
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** Where zonky unpacked PostgreSQL's programs (a kept data directory only). */
	Path binaries() {
		return this.supervisor.binaries;
	}

	/** How often the postmaster was started again after dying. */
	int restarts() {
		return (this.supervisor != null) ? this.supervisor.restarts : 0;
	}

	@Override
	public void close() throws IOException {
		if (this.supervisor != null) {
			this.supervisor.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	/**
	 * One of PostgreSQL's programs, as zonky runs it: PostgreSQL refuses to run as root,
	 * so as root it runs in a user namespace of its own, where it is not.
	 */
	static List<String> command(Path binaries, String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(binaries.resolve(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	/** The postmaster of a data directory, as {@code postmaster.pid} names it. */
	static final class Postmaster {

		private Postmaster() {
		}

		/**
		 * The live postmaster of the directory; not a process that merely reuses a dead
		 * one's pid.
		 */
		static Optional<ProcessHandle> running(Path directory) {
			Path pidFile = directory.resolve("postmaster.pid");
			List<String> lines;
			try {
				lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			}
			catch (IOException ex) {
				return Optional.empty();
			}
			if (lines.isEmpty()) {
				return Optional.empty();
			}
			long pid;
			try {
				pid = Long.parseLong(lines.get(0).trim());
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
			return ProcessHandle.of(pid)
				.filter((process) -> process.info()
					.command()
					.map((command) -> command.endsWith("postgres"))
					.orElse(true));
		}

		/**
		 * Whether the process exists. Not {@link ProcessHandle#isAlive()}: for a process
		 * that is no child of this JVM it compares start times derived from the boot
		 * time, which jitters, and answered false for a live postmaster.
		 */
		static boolean alive(long pid) {
			return ProcessHandle.of(pid).isPresent();
		}

		/** {@code kill -<signal> <pid>}: Java sends only TERM and KILL itself. */
		static void signal(long pid, String signal) throws IOException {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			try {
				String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (kill.waitFor() != 0) {
					throw new IOException("kill -" + signal + " " + pid + " failed: " + output.trim());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while signalling " + pid, ex);
			}
		}

	}

	/**
	 * Watches the postmaster and starts it again, with zonky's binaries and the same
	 * settings and port, when it has died. A restart may fail while the dead postmaster's
	 * backends still hold its shared memory; the next look tries again.
	 */
	private static final class Supervisor implements Runnable {

		private final Path directory;

		private final int port;

		private final Map<String, String> settings;

		private final Thread thread;

		private volatile boolean stopping;

		private volatile ProcessHandle postmaster;

		private volatile Path binaries;

		private volatile int restarts;

		private boolean down;

		Supervisor(Path directory, int port, Map<String, String> settings) {
			this.directory = directory;
			this.port = port;
			this.settings = settings;
			this.thread = new Thread(this, "embedded-postgres-supervisor");
			this.thread.setDaemon(true);
		}

		void start() throws IOException {
			this.postmaster = Postmaster.running(this.directory)
				.orElseThrow(() -> new IllegalStateException("No postmaster running in " + this.directory));
			this.binaries = this.postmaster.info()
				.command()
				.map(Path::of)
				.map(Path::getParent)
				.orElseThrow(() -> new IllegalStateException("Cannot tell where PostgreSQL's binaries are"));
			Files.writeString(this.directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
					StandardCharsets.US_ASCII);
			this.thread.start();
		}

		@Override
		public void run() {
			while (!this.stopping) {
				try {
					Thread.sleep(WATCH_INTERVAL.toMillis());
					if (!this.stopping && !Postmaster.alive(this.postmaster.pid())) {
						restart();
					}
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Embedded PostgreSQL did not start again yet: {}", ex.toString());
				}
			}
		}

		private synchronized void restart() throws IOException, InterruptedException {
			if (this.stopping) {
				return;
			}
			if (owner(this.directory).map(ProcessHandle::pid).orElse(-1L) != ProcessHandle.current().pid()) {
				// another OneVisit took the directory over (this one was thought gone):
				// its server is not ours to start
				log.warn("Embedded PostgreSQL in {} now belongs to another OneVisit; no longer watched from here",
						this.directory);
				this.stopping = true;
				return;
			}
			Optional<ProcessHandle> running = Postmaster.running(this.directory);
			if (running.isPresent() && running.get().pid() != this.postmaster.pid()) {
				// started again by someone else meanwhile (pg_ctl, an operator): kept
				this.postmaster = running.get();
				return;
			}
			if (!this.down) {
				log.error("Embedded PostgreSQL {} died; starting it again on port {}", this.postmaster.pid(),
						this.port);
				this.down = true;
			}
			List<String> options = new ArrayList<>(List.of("-p", Integer.toString(this.port), "-F"));
			this.settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
			Process pgCtl = new ProcessBuilder(command(this.binaries, "pg_ctl", "-D", this.directory.toString(), "-o",
					String.join(" ", options), "-l", this.directory.resolve("onevisit-restarts.log").toString(), "-w",
					"-t", "60", "start"))
				.redirectErrorStream(true)
				.start();
			String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (pgCtl.waitFor() != 0) {
				throw new IOException("pg_ctl start failed: " + output.trim());
			}
			this.postmaster = Postmaster.running(this.directory)
				.orElseThrow(() -> new IOException("pg_ctl started no postmaster"));
			this.restarts++;
			this.down = false;
			log.warn("Embedded PostgreSQL started again as {} after recovering from its WAL", this.postmaster.pid());
		}

		synchronized void stop() {
			this.stopping = true;
			this.thread.interrupt();
		}

	}

}
