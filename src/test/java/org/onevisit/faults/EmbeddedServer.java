package org.onevisit.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL a node in OneVisit's default mode keeps in {@code <data>/postgres}, as
 * its {@code postmaster.pid} describes it: what a fault test kills, freezes and counts
 * in.
 */
final class EmbeddedServer implements Database {

	private final Path directory;

	EmbeddedServer(Path dataDirectory) {
		this.directory = dataDirectory.resolve("postgres");
	}

	/** The running postmaster, if any. */
	Optional<ProcessHandle> postmaster() {
		return line(0).map(Long::parseLong).flatMap(ProcessHandle::of);
	}

	@Override
	public Connection connect() throws SQLException {
		int port = line(3).map(Integer::parseInt).orElseThrow(() -> new SQLException("no server in " + this.directory));
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/onevisit", "postgres", "");
	}

	/** The server's data directory. */
	Path directory() {
		return this.directory;
	}

	/** Where the running postmaster's programs are: zonky's unpacked PostgreSQL. */
	Path binaries() {
		return postmaster().flatMap((postmaster) -> postmaster.info().command())
			.map((command) -> Path.of(command).getParent())
			.orElseThrow(() -> new IllegalStateException("no postmaster running in " + this.directory));
	}

	/** SIGKILL of the postmaster, as the OOM killer does it. */
	long kill() throws Exception {
		ProcessHandle postmaster = postmaster().orElseThrow();
		postmaster.destroyForcibly();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (ProcessHandle.of(postmaster.pid()).isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return postmaster.pid();
	}

	/** SIGSTOP of the postmaster and every process it started: a frozen server. */
	List<Long> freeze() throws IOException, InterruptedException {
		ProcessHandle postmaster = postmaster().orElseThrow();
		List<Long> all = new ArrayList<>(List.of(postmaster.pid()));
		postmaster.descendants().forEach((child) -> all.add(child.pid()));
		for (long pid : all) {
			signal(pid, "STOP");
		}
		return all;
	}

	void thaw(List<Long> frozen) throws IOException, InterruptedException {
		for (long pid : frozen) {
			signal(pid, "CONT");
		}
	}

	private static void signal(long pid, String signal) throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
	}

	private Optional<String> line(int index) {
		try {
			List<String> lines = Files.readAllLines(this.directory.resolve("postmaster.pid"));
			return (lines.size() > index) ? Optional.of(lines.get(index).trim()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
