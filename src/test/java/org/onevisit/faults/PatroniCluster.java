package org.onevisit.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL as production runs it highly available, from Debian's packages
 * ({@code apt-get install -y patroni etcd-server postgresql}): one etcd and two Patroni
 * members on loopback ports, a primary and a synchronous standby
 * ({@code synchronous_mode: true}), so that a commit is acknowledged only once the
 * standby has it and Patroni promotes only that standby. Patroni's bootstrap creates
 * OneVisit's database and its two roles (docs/deployment.md). Patroni and PostgreSQL run
 * as the {@code postgres} user when the tests run as root (PostgreSQL refuses root).
 */
final class PatroniCluster implements Database, AutoCloseable {

	static final String OWNER_PASSWORD = "owner-secret";

	static final String APPLICATION_PASSWORD = "app-secret";

	private static final String SUPERUSER_PASSWORD = "postgres-secret";

	private static final Path PATRONI = Path.of("/usr/bin/patroni");

	private static final Path ETCD = Path.of("/usr/bin/etcd");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path root;

	private final List<Member> members;

	private final int etcdPort;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process etcd;

	private PatroniCluster(Path root, List<Member> members, int etcdPort) {
		this.root = root;
		this.members = members;
		this.etcdPort = etcdPort;
	}

	/** One Patroni member: its name, PostgreSQL's and the REST API's ports. */
	private static final class Member {

		private final String name;

		private final int port;

		private final int restPort;

		private final Path directory;

		private Process patroni;

		private Member(String name, int port, int restPort, Path directory) {
			this.name = name;
			this.port = port;
			this.restPort = restPort;
			this.directory = directory;
		}

		String name() {
			return this.name;
		}

		int port() {
			return this.port;
		}

		int restPort() {
			return this.restPort;
		}

		Path directory() {
			return this.directory;
		}

		Path dataDirectory() {
			return this.directory.resolve("data");
		}

		String rest() {
			return "http://127.0.0.1:" + this.restPort;
		}

	}

	/**
	 * Whether Patroni, etcd and a PostgreSQL server are installed; names what is missing
	 * otherwise.
	 */
	static String missing() {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(PATRONI)) {
			missing.add("patroni");
		}
		if (!Files.isExecutable(ETCD)) {
			missing.add("etcd-server");
		}
		if (!LocalPostgres.installed()) {
			missing.add("postgresql");
		}
		return String.join(" ", missing);
	}

	/**
	 * Starts etcd and two members in a fresh directory {@code target/faults/<name>} and
	 * waits until one leads and the other is its synchronous standby.
	 */
	static PatroniCluster start(String name) throws IOException, InterruptedException {
		Path root = Path.of("target", "faults", name).toAbsolutePath();
		LocalPostgres.deleteRecursively(root);
		Files.createDirectories(root);
		List<Member> members = new ArrayList<>();
		for (String member : List.of("pg1", "pg2")) {
			members.add(new Member(member, LocalPostgres.freePort(), LocalPostgres.freePort(), root.resolve(member)));
		}
		PatroniCluster cluster = new PatroniCluster(root, members, LocalPostgres.freePort());
		try {
			cluster.configure();
			cluster.startEtcd();
			// the first member bootstraps (initdb, then the roles); the second is cloned
			// from it
			cluster.startPatroni(members.get(0));
			cluster.awaitLeader(Duration.ofMinutes(3));
			cluster.startPatroni(members.get(1));
			cluster.awaitSynchronous(Duration.ofMinutes(5));
			return cluster;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	private void configure() throws IOException, InterruptedException {
		Path roles = this.root.resolve("onevisit-roles.sh");
		// docs/deployment.md, "Database roles": Patroni runs this once, after initdb,
		// with
		// a connection string to the new primary as the superuser
		Files.writeString(roles, """
				#!/bin/sh
				set -e
				psql "$1" -v ON_ERROR_STOP=1 <<'SQL'
				create role onevisit_owner login password '%s';
				create role onevisit_app login password '%s';
				create database onevisit owner onevisit_owner encoding 'UTF8' template template0;
				\\c onevisit
				revoke create on schema public from public;
				SQL
				""".formatted(OWNER_PASSWORD, APPLICATION_PASSWORD));
		Files.setPosixFilePermissions(roles, PosixFilePermissions.fromString("rwxr-xr-x"));
		for (Member member : this.members) {
			Files.createDirectories(member.directory());
			Files.writeString(member.directory().resolve("patroni.yml"), configuration(member, roles));
		}
		LocalPostgres.own(this.root);
	}

	/**
	 * The member's {@code patroni.yml}; docs/deployment.md quotes it. Short timings for a
	 * loopback cluster: Patroni looks every 2 s, a leader lock lives 20 s.
	 */
	private String configuration(Member member, Path roles) throws IOException {
		return """
				scope: onevisit
				name: %1$s
				log:
				  level: INFO
				restapi:
				  listen: 127.0.0.1:%2$d
				  connect_address: 127.0.0.1:%2$d
				etcd3:
				  hosts: 127.0.0.1:%3$d
				bootstrap:
				  dcs:
				    ttl: 20
				    loop_wait: 2
				    retry_timeout: 5
				    # a crashed primary is failed over at once, not restarted in place first
				    primary_start_timeout: 0
				    # a commit waits for the synchronous standby, and only it may be promoted
				    synchronous_mode: true
				    # two members: a primary left alone keeps taking writes (see deployment.md)
				    synchronous_mode_strict: false
				    postgresql:
				      use_pg_rewind: true
				      remove_data_directory_on_rewind_failure: true
				      remove_data_directory_on_diverged_timelines: true
				      parameters:
				        max_connections: 200
				        fsync: 'on'
				        synchronous_commit: 'on'
				        wal_log_hints: 'on'
				  initdb:
				  - encoding: UTF8
				  - no-locale
				  post_bootstrap: %4$s
				postgresql:
				  listen: 127.0.0.1:%5$d
				  connect_address: 127.0.0.1:%5$d
				  data_dir: %6$s
				  bin_dir: %7$s
				  pgpass: %8$s
				  authentication:
				    superuser:
				      username: postgres
				      password: %9$s
				    replication:
				      username: replicator
				      password: replicator-secret
				    rewind:
				      username: postgres
				      password: %9$s
				  parameters:
				    unix_socket_directories: %10$s
				  basebackup:
				  - checkpoint: fast
				  pg_hba:
				  - local all all trust
				  - host replication replicator 127.0.0.1/32 scram-sha-256
				  - host all all 127.0.0.1/32 scram-sha-256
				""".formatted(member.name(), member.restPort(), this.etcdPort, roles, member.port(),
				member.dataDirectory(), LocalPostgres.binaries(), member.directory().resolve("pgpass"),
				SUPERUSER_PASSWORD, member.directory());
	}

	private void startEtcd() throws IOException, InterruptedException {
		int peer = LocalPostgres.freePort();
		this.etcd = new ProcessBuilder(ETCD.toString(), "--name", "etcd1", "--data-dir",
				this.root.resolve("etcd").toString(), "--listen-client-urls", "http://127.0.0.1:" + this.etcdPort,
				"--advertise-client-urls", "http://127.0.0.1:" + this.etcdPort, "--listen-peer-urls",
				"http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
				"--initial-cluster", "etcd1=http://127.0.0.1:" + peer)
			.redirectErrorStream(true)
			.redirectOutput(this.root.resolve("etcd.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (this.http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.etcdPort + "/health")).build(),
							HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("etcd did not start; see " + this.root.resolve("etcd.log"));
	}

	private void startPatroni(Member member) throws IOException {
		List<String> command = new ArrayList<>();
		if (LocalPostgres.root()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.addAll(List.of(PATRONI.toString(), member.directory().resolve("patroni.yml").toString()));
		member.patroni = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(member.directory().resolve("patroni.log").toFile()))
			.start();
	}

	/** The members as Patroni's REST API reports them ({@code GET /cluster}). */
	JsonNode state() {
		for (Member member : this.members) {
			try {
				HttpResponse<String> response = this.http
					.send(HttpRequest.newBuilder(URI.create(member.rest() + "/cluster"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return JSON.readTree(response.body()).path("members");
				}
			}
			catch (IOException ex) {
				// ask the other member
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return JSON.createArrayNode();
	}

	/** The member that holds the leader lock and runs, or null. */
	String leader() {
		return memberIn("leader");
	}

	private String memberIn(String role) {
		for (JsonNode member : state()) {
			if (member.path("role").asString().equals(role) && member.path("state").asString().equals("running")) {
				return member.path("name").asString();
			}
		}
		return null;
	}

	private String awaitLeader(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			String leader = leader();
			if (leader != null && primaryPort() != 0) {
				return leader;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("no leader in " + limit + "; see " + this.root + "/*/patroni.log");
	}

	/**
	 * Waits until one member leads and the other is its synchronous standby, streaming;
	 * answers the leader.
	 */
	String awaitSynchronous(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			String leader = leader();
			if (leader != null && memberIn("sync_standby") != null) {
				return leader;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("no synchronous standby in " + limit + ": " + state() + "; see " + this.root
				+ "/*/patroni.log; shared memory and the PostgreSQL processes now:\n" + output("ipcs", "-m", "-p")
				+ output("ps", "-C", "postgres", "-o", "pid,ppid,stat,etime,args"));
	}

	/**
	 * What a command prints, for a failure's message: a killed primary that cannot start
	 * again because its shared memory is "still in use" (seen once, 2026-12-07) names the
	 * processes that outlived its postmaster here.
	 */
	private static String output(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String printed = new String(process.getInputStream().readAllBytes());
			process.waitFor(10, TimeUnit.SECONDS);
			return "$ " + String.join(" ", command) + "\n" + printed;
		}
		catch (IOException ex) {
			return "$ " + String.join(" ", command) + ": " + ex.getMessage() + "\n";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/**
	 * SIGKILL of the leader's PostgreSQL server, every process of it, as when its machine
	 * or container dies: no shutdown, no backend left behind. Patroni stays and starts it
	 * again as a standby; answers the member that led. Killing the postmaster alone is
	 * not this fault: a backend it leaves waiting in {@code COMMIT} for the synchronous
	 * standby can outlive it and hold the shared memory, and then the server cannot start
	 * until someone kills that backend (seen 2026-12-07, docs/deployment.md).
	 */
	String killPrimaryServer() throws IOException {
		String leader = leader();
		Member member = member(leader);
		long pid = Long.parseLong(Files.readAllLines(member.dataDirectory().resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid)
			.orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
		List<ProcessHandle> server = new ArrayList<>(postmaster.descendants().toList());
		server.add(0, postmaster);
		server.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : server) {
			try {
				process.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("process " + process.pid() + " of the killed server lives on", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return leader;
	}

	/**
	 * A planned switchover through the leader's REST API (as {@code patronictl switchover
	 * --force}): the leader shuts down cleanly and the synchronous standby is promoted.
	 */
	void switchover(String from, String to) throws IOException, InterruptedException {
		HttpResponse<String> answer = this.http
			.send(HttpRequest.newBuilder(URI.create(member(from).rest() + "/switchover"))
				.timeout(Duration.ofMinutes(2))
				.POST(HttpRequest.BodyPublishers.ofString("{\"leader\":\"" + from + "\",\"candidate\":\"" + to + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("switchover refused: " + answer.statusCode() + " " + answer.body());
		}
	}

	String other(String name) {
		return this.members.stream()
			.map(Member::name)
			.filter((candidate) -> !candidate.equals(name))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The port of the server that accepts writes right now, found as OneVisit finds it
	 * (targetServerType=primary), or 0 while there is none.
	 */
	int primaryPort() {
		Properties properties = superuser();
		properties.setProperty("connectTimeout", "1");
		properties.setProperty("loginTimeout", "2");
		properties.setProperty("socketTimeout", "2");
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select inet_server_port(), pg_is_in_recovery()")) {
			row.next();
			return row.getBoolean(2) ? 0 : row.getInt(1);
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	/** The member that accepts writes right now, or null while none does. */
	String primary() {
		int port = primaryPort();
		return this.members.stream()
			.filter((member) -> member.port() == port)
			.map(Member::name)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Both members, the primary whichever it is: pgjdbc tries them in turn and keeps the
	 * one that accepts writes. OneVisit's own connect and socket timeouts
	 * ({@code onevisit.db.*}) are set on its connections and take precedence over these.
	 */
	String jdbcUrl() {
		StringBuilder hosts = new StringBuilder();
		for (Member member : this.members) {
			hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1:").append(member.port());
		}
		return "jdbc:postgresql://" + hosts + "/" + LocalPostgres.DATABASE
				+ "?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=1&socketTimeout=7";
	}

	@Override
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), superuser());
	}

	private static Properties superuser() {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		properties.setProperty("password", SUPERUSER_PASSWORD);
		return properties;
	}

	private Member member(String name) {
		return this.members.stream()
			.filter((member) -> member.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no member " + name));
	}

	/**
	 * Stops each Patroni (which stops its PostgreSQL), then etcd; a server left running
	 * is stopped by its pid.
	 */
	@Override
	public void close() throws IOException, InterruptedException {
		for (Member member : this.members) {
			Process process = member.patroni;
			if (process != null) {
				// runuser's child is Patroni itself, which stops its PostgreSQL on
				// SIGTERM
				List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
				tree.add(process.toHandle());
				tree.forEach(ProcessHandle::destroy);
				for (ProcessHandle handle : tree) {
					try {
						handle.onExit().get(60, TimeUnit.SECONDS);
					}
					catch (ExecutionException | TimeoutException ex) {
						handle.destroyForcibly();
					}
				}
			}
			Path pid = member.dataDirectory().resolve("postmaster.pid");
			if (Files.exists(pid)) {
				// SIGINT: PostgreSQL's fast shutdown
				long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
				if (ProcessHandle.of(postmaster).isPresent()) {
					new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).start().waitFor();
				}
			}
		}
		if (this.etcd != null) {
			this.etcd.destroy();
			this.etcd.waitFor(30, TimeUnit.SECONDS);
		}
	}

}
