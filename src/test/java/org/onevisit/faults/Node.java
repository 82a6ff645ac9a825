package org.onevisit.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One OneVisit node in a JVM of its own, on an external PostgreSQL, as production runs
 * it: the fault tests kill it with SIGKILL and start it again. Nodes of one test share
 * the data directory (the keys), as a shared volume does.
 */
final class Node implements AutoCloseable {

	private final String name;

	private final int port;

	private final List<String> command;

	private final Path log;

	private final String databaseUrl;

	private Process process;

	private Node(String name, int port, List<String> command, Path log, String databaseUrl) {
		this.name = name;
		this.port = port;
		this.command = command;
		this.log = log;
		this.databaseUrl = databaseUrl;
	}

	/**
	 * The key-encryption key every node of a test shares (they share one database), and
	 * with which {@link Census} opens the forms it counts.
	 */
	static final String KEK = "6f6e6576697369742d6661756c747321";

	static Node of(String name, LocalPostgres postgres, Path dataDirectory, String... arguments) throws IOException {
		return create(name, postgres.jdbcUrl(), dataDirectory, arguments);
	}

	/** A node on an external PostgreSQL at this JDBC URL (user postgres). */
	static Node external(String name, String jdbcUrl, Path dataDirectory, String... arguments) throws IOException {
		return create(name, jdbcUrl, dataDirectory, arguments);
	}

	/**
	 * A node in OneVisit's default mode, as the README starts it: its own embedded
	 * PostgreSQL kept in {@code <dataDirectory>/postgres}.
	 */
	static Node embedded(String name, Path dataDirectory, String... arguments) throws IOException {
		return create(name, null, dataDirectory, arguments);
	}

	private static Node create(String name, String databaseUrl, Path dataDirectory, String... arguments)
			throws IOException {
		int port = LocalPostgres.freePort();
		Path log = dataDirectory.resolve(name + ".out");
		Files.createDirectories(dataDirectory);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
						System.getProperty("java.class.path"), "org.onevisit.OneVisitApplication",
						"--server.port=" + port, "--onevisit.data-dir=" + dataDirectory,
						"--logging.file.name=" + dataDirectory.resolve("logs/" + name + ".json"),
						// the fault tests watch the breaker and the outbox, not the SLA
						// scans
						"--logging.level.org.onevisit=warn"));
		command.addAll(List.of(arguments));
		return new Node(name, port, command, log, databaseUrl);
	}

	/**
	 * Starts the node and waits until it reports itself up. A node that does not come up
	 * is stopped before the failure is thrown: the test cannot close a node it never got,
	 * and a JVM left running would hold its port, its embedded PostgreSQL and a share of
	 * the machine until someone kills it by hand.
	 */
	Node start() throws IOException, InterruptedException {
		List<String> withDemo = new ArrayList<>(this.command);
		// demo accounts and catalogue: imported by the first node, found by the others
		withDemo.add("--onevisit.demo=true");
		ProcessBuilder builder = new ProcessBuilder(withDemo).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		environment(builder);
		this.process = builder.start();
		boolean up = false;
		try {
			awaitUp();
			up = true;
			return this;
		}
		finally {
			if (!up) {
				stopNotUp();
			}
		}
	}

	private void awaitUp() throws IOException, InterruptedException {
		// minutes on a shared two-core machine
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<String> health = client.send(
						HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(this.name + " did not come up in 10 minutes; see " + this.log);
	}

	/**
	 * SIGTERM first, so that a node in the default mode stops its embedded PostgreSQL
	 * with it; SIGKILL if it has not exited a minute later.
	 */
	private void stopNotUp() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

	/**
	 * Runs OneVisit as a command (e.g. {@code --verify-ledger}) on the node's database
	 * and data directory; answers its exit code and what it printed.
	 */
	Exited runToExit(String... arguments) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(this.command);
		full.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		environment(builder);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		return new Exited(process.waitFor(), output);
	}

	private void environment(ProcessBuilder builder) {
		if (this.databaseUrl != null) {
			builder.environment().put("ONEVISIT_DB_URL", this.databaseUrl);
			builder.environment().put("ONEVISIT_DB_USER", "postgres");
			builder.environment().put("ONEVISIT_DB_PASSWORD", "");
		}
		else {
			builder.environment().remove("ONEVISIT_DB_URL");
		}
		builder.environment().put("ONEVISIT_KEK", KEK);
		builder.environment().put("ONEVISIT_PUBLIC_URL", "http://localhost");
	}

	record Exited(int code, String output) {
	}

	/**
	 * SIGKILL: no shutdown hook, no draining, in-flight requests and transactions cut
	 * off.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	String name() {
		return this.name;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			this.process.waitFor();
		}
	}

}
