package org.onevisit.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for the fault tests, run from Debian's packages
 * ({@code apt-get install -y postgresql}) as a separate process that a test can stop in
 * immediate mode, restart, dump and restore, as an operator would. Durable: {@code fsync}
 * and {@code synchronous_commit} on. PostgreSQL refuses to run as root, so as root every
 * command runs as the {@code postgres} user the package creates.
 */
final class LocalPostgres implements Database, AutoCloseable {

	static final String DATABASE = "onevisit";

	private final Path bin;

	private final Path dataDirectory;

	private final int port;

	private LocalPostgres(Path bin, Path dataDirectory, int port) {
		this.bin = bin;
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/**
	 * Initialises a new cluster in a fresh directory and starts it with an empty
	 * database.
	 */
	static LocalPostgres create(String name) throws IOException, InterruptedException {
		Path root = Path.of("target", "faults", name).toAbsolutePath();
		deleteRecursively(root);
		Files.createDirectories(root);
		LocalPostgres postgres = new LocalPostgres(binaries(), root.resolve("pgdata"), freePort());
		own(root);
		postgres.run(List.of(postgres.bin.resolve("initdb").toString(), "-D", postgres.dataDirectory.toString(), "-U",
				"postgres", "-A", "trust", "-E", "UTF8", "--no-locale"));
		postgres.start();
		postgres.run(List.of(postgres.bin.resolve("psql").toString(), "-h", "localhost", "-p",
				Integer.toString(postgres.port), "-U", "postgres", "-c", "create database " + DATABASE));
		return postgres;
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

	void start() throws IOException, InterruptedException {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDirectory.toString(), "-l",
				this.dataDirectory.resolveSibling("postgres.log").toString(), "-w", "-t", "60", "-o",
				"-p " + this.port + " -c listen_addresses=localhost -c fsync=on -c synchronous_commit=on"
						+ " -c max_connections=200 -c unix_socket_directories=" + this.dataDirectory.getParent(),
				"start"));
	}

	/**
	 * As after a power cut of the database server: no checkpoint, recovery at the next
	 * start.
	 */
	void stopImmediately() throws IOException, InterruptedException {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDirectory.toString(), "-m", "immediate", "-w",
				"stop"));
	}

	/**
	 * A custom-format {@code pg_dump} of the database, as a nightly backup job makes it.
	 */
	void dump(Path file) throws IOException, InterruptedException {
		own(file.getParent());
		run(List.of(this.bin.resolve("pg_dump").toString(), "-h", "localhost", "-p", Integer.toString(this.port), "-U",
				"postgres", "-Fc", "-f", file.toString(), DATABASE));
	}

	/** Restores a dump into this server's (empty) database. */
	void restore(Path file) throws IOException, InterruptedException {
		run(List.of(this.bin.resolve("pg_restore").toString(), "-h", "localhost", "-p", Integer.toString(this.port),
				"-U", "postgres", "-d", DATABASE, "--exit-on-error", file.toString()));
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + DATABASE;
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		if (Files.exists(this.dataDirectory.resolve("postmaster.pid"))) {
			run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.dataDirectory.toString(), "-m", "fast", "-w",
					"stop"));
		}
	}

	private void run(List<String> command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (root()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
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
