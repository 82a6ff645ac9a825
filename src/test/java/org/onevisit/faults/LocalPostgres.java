package org.onevisit.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of its own for the fault tests, on the major version OneVisit
 * embeds and production runs (17: zonky's binaries, {@code initdb}, {@code pg_ctl} and
 * {@code postgres}), as a separate process that a test can stop in immediate mode and
 * start again, as an operator would. Durable: {@code fsync} and
 * {@code synchronous_commit} on. Zonky initialises and first starts the cluster; later
 * stops and starts go through zonky's own {@code pg_ctl}, with the same settings and
 * port. PostgreSQL refuses to run as root, so as root, as zonky does, it runs in a user
 * namespace of its own ({@code unshare -U}), where it is not.
 * <p>
 * The static helpers about Debian's server ({@link #installed()}, {@link #binaries()},
 * {@link #own(Path)}) serve the Patroni test, whose {@code pg_basebackup} and
 * {@code pg_rewind} zonky does not ship.
 */
final class LocalPostgres implements Database, AutoCloseable {

	static final String DATABASE = "onevisit";

	private final EmbeddedPostgres server;

	private final Path bin;

	private final Path dataDirectory;

	private final Map<String, String> settings;

	private LocalPostgres(EmbeddedPostgres server, Path bin, Path dataDirectory, Map<String, String> settings) {
		this.server = server;
		this.bin = bin;
		this.dataDirectory = dataDirectory;
		this.settings = settings;
	}

	/**
	 * Initialises a new cluster in a fresh directory {@code target/faults/<name>/pgdata}
	 * and starts it with an empty database.
	 */
	static LocalPostgres create(String name) throws IOException, SQLException {
		Path root = Path.of("target", "faults", name).toAbsolutePath();
		deleteRecursively(root);
		Path dataDirectory = root.resolve("pgdata");
		Files.createDirectories(dataDirectory);
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", "on");
		settings.put("synchronous_commit", "on");
		settings.put("full_page_writes", "on");
		settings.put("max_connections", "200");
		settings.put("timezone", "UTC");
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile()));
		settings.forEach(builder::setServerConfig);
		EmbeddedPostgres server = builder.start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		return new LocalPostgres(server, postmasterBinaries(dataDirectory), dataDirectory, settings);
	}

	/** True where Debian's PostgreSQL server is installed. */
	static boolean installed() {
		try {
			binaries();
			return true;
		}
		catch (IllegalStateException | IOException ex) {
			return false;
		}
	}

	/** Starts the server again, on its port, with its settings. */
	void start() throws IOException, InterruptedException {
		List<String> options = new ArrayList<>(List.of("-p", Integer.toString(this.server.getPort())));
		this.settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
		pgCtl(this.bin, this.dataDirectory, "-o", String.join(" ", options), "-l",
				this.dataDirectory.resolveSibling("postgres.log").toString(), "-w", "-t", "120", "start");
	}

	/**
	 * As after a power cut of the database server: no checkpoint, recovery at the next
	 * start.
	 */
	void stopImmediately() throws IOException, InterruptedException {
		pgCtl(this.bin, this.dataDirectory, "-m", "immediate", "-w", "stop");
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.server.getPort() + "/" + DATABASE;
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		// zonky gives a fast shutdown 5 s; a server still busy with its connections
		// gets two minutes more
		this.server.close();
		if (Files.exists(this.dataDirectory.resolve("postmaster.pid"))) {
			pgCtl(this.bin, this.dataDirectory, "-m", "fast", "-w", "-t", "120", "stop");
		}
	}

	/**
	 * Zonky's {@code pg_ctl} on a data directory, in a user namespace of its own when the
	 * tests run as root; fails with its output when it fails.
	 */
	static void pgCtl(Path bin, Path dataDirectory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if (root()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString()));
		command.addAll(List.of(arguments));
		// with -l the server writes to its log, not to this pipe: pg_ctl's output ends
		// when it exits
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
	}

	/**
	 * Where the programs of the postmaster running on a data directory are, as its
	 * {@code postmaster.pid} names it: zonky's unpacked PostgreSQL.
	 */
	static Path postmasterBinaries(Path dataDirectory) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		return ProcessHandle.of(pid)
			.flatMap((postmaster) -> postmaster.info().command())
			.map((command) -> Path.of(command).getParent())
			.orElseThrow(() -> new IllegalStateException("no postmaster running in " + dataDirectory));
	}

	/**
	 * Gives the directory to the {@code postgres} user when the tests run as root, and
	 * lets that user walk down to it.
	 */
	static void own(Path directory) throws IOException, InterruptedException {
		if (root()) {
			Process chown = new ProcessBuilder("chown", "-R", "postgres:postgres", directory.toString()).inheritIO()
				.start();
			chown.waitFor();
			// the server's user must be able to walk down to its directory
			Path parent = directory.getParent();
			while (parent != null) {
				new ProcessBuilder("chmod", "o+x", parent.toString()).start().waitFor();
				parent = parent.getParent();
			}
		}
	}

	static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * The newest installed server's programs, {@code /usr/lib/postgresql/<major>/bin}.
	 */
	static Path binaries() throws IOException {
		Path versions = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(versions)) {
			throw new IllegalStateException("no PostgreSQL server: apt-get install -y postgresql");
		}
		try (Stream<Path> installed = Files.list(versions)) {
			return installed.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.comparing((bin) -> Integer.parseInt(bin.getParent().getFileName().toString())))
				.orElseThrow(() -> new IllegalStateException("no PostgreSQL server: apt-get install -y postgresql"));
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
