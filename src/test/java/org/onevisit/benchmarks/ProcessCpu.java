package org.onevisit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by the PostgreSQL server it talks to (the
 * postmaster, its live processes and, through the postmaster's children's times, the ones
 * that have ended), read from Linux's {@code /proc}. Time the VM's host stole is not in
 * these figures, which is why they compare across rounds where throughput does not.
 */
public final class ProcessCpu {

	/** Linux's USER_HZ, the unit of /proc's process times, on every platform we run. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private final long postmaster;

	/**
	 * @param backend the pid of any backend of the server, which the postmaster forked
	 */
	public ProcessCpu(long backend) {
		this.postmaster = Long.parseLong(field(status(backend), "PPid:"));
	}

	public Sample now() {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		// utime, stime, cutime, cstime: the postmaster's own, and its ended children's
		long[] own = times(this.postmaster);
		long database = own[0] + own[1] + own[2] + own[3];
		for (long pid : children()) {
			long[] child = times(pid);
			database += child[0] + child[1];
		}
		return new Sample(jvm, database * NANOS_PER_TICK, machine());
	}

	/**
	 * The database's CPU time so far by the role of its processes, in nanoseconds: the
	 * backends serving connections, each kind of background process by its title
	 * (walwriter, checkpointer, background writer, autovacuum launcher…), and "ended" for
	 * the children that have exited (autovacuum workers above all, which exit after each
	 * round of tables).
	 */
	public Map<String, Long> byRole() {
		Map<String, Long> roles = new TreeMap<>();
		long[] own = times(this.postmaster);
		roles.merge("postmaster", (own[0] + own[1]) * NANOS_PER_TICK, Long::sum);
		roles.merge("ended", (own[2] + own[3]) * NANOS_PER_TICK, Long::sum);
		for (long pid : children()) {
			long[] child = times(pid);
			roles.merge(role(pid), (child[0] + child[1]) * NANOS_PER_TICK, Long::sum);
		}
		return roles;
	}

	/** The live processes the postmaster forked: backends and background processes. */
	private List<Long> children() {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.map((path) -> path.getFileName().toString())
				.filter((name) -> name.matches("\\d+"))
				.map(Long::parseLong)
				.filter((pid) -> {
					String status = status(pid);
					return status != null && String.valueOf(this.postmaster).equals(field(status, "PPid:"));
				})
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list /proc", ex);
		}
	}

	/** "backend" for a connection's process, else the title PostgreSQL gave it. */
	private static String role(long pid) {
		try {
			String title = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"))
				.replace('\0', ' ')
				.strip();
			String kind = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
			for (String background : List.of("walwriter", "checkpointer", "background writer", "autovacuum launcher",
					"autovacuum worker", "logical replication launcher", "stats collector", "archiver", "walsummarizer",
					"io worker")) {
				if (kind.startsWith(background)) {
					return background;
				}
			}
			return "backend";
		}
		catch (IOException ex) {
			return "ended";
		}
	}

	/** The machine's CPU time, all of it and the part the host stole, in ticks. */
	private static long[] machine() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
			long all = 0;
			for (int field = 1; field <= 8 && field < cpu.length; field++) {
				all += Long.parseLong(cpu[field]);
			}
			return new long[] { all, (cpu.length > 8) ? Long.parseLong(cpu[8]) : 0 };
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read /proc/stat", ex);
		}
	}

	/**
	 * Nanoseconds of CPU of the JVM and of the database; the machine's ticks in all and
	 * those the host stole.
	 */
	public record Sample(long jvm, long database, long[] machine) {

		Sample(long jvm, long database) {
			this(jvm, database, new long[2]);
		}

		public Sample since(Sample earlier) {
			return new Sample(this.jvm - earlier.jvm, this.database - earlier.database,
					new long[] { this.machine[0] - earlier.machine[0], this.machine[1] - earlier.machine[1] });
		}

		Sample plus(Sample other) {
			return new Sample(this.jvm + other.jvm, this.database + other.database,
					new long[] { this.machine[0] + other.machine[0], this.machine[1] + other.machine[1] });
		}

		/** The share of the machine's time the host stole, between two samples. */
		public double stolen() {
			return (this.machine[0] == 0) ? 0 : (double) this.machine[1] / this.machine[0];
		}

		/** Milliseconds per unit of work, the JVM's, the database's and both. */
		public double[] millisPer(long units) {
			double jvmMs = this.jvm / 1e6 / units;
			double databaseMs = this.database / 1e6 / units;
			return new double[] { jvmMs, databaseMs, jvmMs + databaseMs };
		}

	}

	private static String status(long pid) {
		try {
			return Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
		}
		catch (IOException ex) {
			// the process ended between the listing and the read
			return null;
		}
	}

	private static String field(String status, String name) {
		return status.lines()
			.filter((line) -> line.startsWith(name))
			.findFirst()
			.map((line) -> line.substring(name.length()).strip())
			.orElseThrow();
	}

	private static long[] times(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name in parentheses may hold spaces: fields count from after it
			List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
			// utime is field 14 of the whole line, the 12th after the name and state
			return new long[] { Long.parseLong(fields.get(11)), Long.parseLong(fields.get(12)),
					Long.parseLong(fields.get(13)), Long.parseLong(fields.get(14)) };
		}
		catch (IOException ex) {
			return new long[4];
		}
	}

}
