package org.onevisit.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Backups as production takes them, on the PostgreSQL OneVisit embeds (17, zonky's
 * binaries): continuous WAL archiving ({@code archive_command} copying each finished
 * segment into an archive directory), a base backup with the low-level API
 * ({@code pg_backup_start}, a copy of the data directory while the server runs,
 * {@code pg_backup_stop} and its backup label), and a point-in-time restore: the base
 * backup copied into a new directory, {@code restore_command} reading the archive, and
 * {@code recovery_target_time}. Zonky ships neither {@code pg_basebackup} nor
 * {@code pg_dump}; the low-level API needs neither, only a connection and a file copy,
 * which is what a backup agent does too.
 */
final class PhysicalBackup {

	/**
	 * Not copied into a base backup (PostgreSQL's documentation, "Making a Base Backup").
	 */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
			"pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans",
			// OneVisit's own files beside the server's
			"onevisit.owner", "onevisit-restarts.log");

	/**
	 * PostgreSQL's timestamptz input: no {@code T} between date and time, no {@code Z}.
	 */
	private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

	private PhysicalBackup() {
	}

	/**
	 * Turns archiving on as an operator would: {@code archive_mode} needs a restart, so
	 * the server was started with it; the command is set with {@code ALTER SYSTEM} and
	 * read at a reload. Segments finished before are archived by the archiver once it has
	 * a command.
	 */
	static void archiveInto(Database server, Path archive) throws SQLException, IOException {
		Files.createDirectories(archive);
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet mode = statement.executeQuery("show archive_mode")) {
				mode.next();
				if (!"on".equals(mode.getString(1))) {
					throw new IllegalStateException("the server runs without archive_mode=on");
				}
			}
			// test ! -f: a segment is never overwritten (PostgreSQL's documented example)
			statement.execute(
					"alter system set archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'");
			statement.execute("select pg_reload_conf()");
		}
	}

	/**
	 * A base backup of the running server into an empty directory: the data directory
	 * copied between {@code pg_backup_start} and {@code pg_backup_stop} (which waits
	 * until the WAL the copy needs is archived), and the backup label written beside it.
	 */
	static Duration take(Database server, Path dataDirectory, Path target) throws SQLException, IOException {
		long start = System.nanoTime();
		LocalPostgres.deleteRecursively(target);
		Files.createDirectories(target);
		// one session from start to stop: the backup belongs to it
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("select pg_backup_start('onevisit-drill', true)");
			copy(dataDirectory, target, LEFT_OUT);
			try (ResultSet stopped = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)")) {
				stopped.next();
				Files.writeString(target.resolve("backup_label"), stopped.getString(1), StandardCharsets.UTF_8);
				String tablespaces = stopped.getString(2);
				if (tablespaces != null && !tablespaces.isEmpty()) {
					Files.writeString(target.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
				}
			}
		}
		Files.createDirectories(target.resolve("pg_wal/archive_status"));
		for (String emptied : List.of("pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots",
				"pg_stat_tmp", "pg_subtrans")) {
			Files.createDirectories(target.resolve(emptied));
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Copies a directory tree that a running server changes meanwhile. The left-out
	 * directories are not even walked: in {@code pg_wal} the archiver renames its status
	 * files and the checkpointer recycles segments all the time. A file removed between
	 * listing and copying is passed over: the WAL replays what matters.
	 */
	private static void copy(Path from, Path to, Set<String> leftOut) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
					throws IOException {
				Path relative = from.relativize(directory);
				if (relative.getNameCount() > 0 && leftOut.contains(relative.getName(0).toString())) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(to.resolve(relative.toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Path relative = from.relativize(file);
				if (!leftOut.contains(relative.getName(0).toString())) {
					try {
						Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
					}
					catch (NoSuchFileException ex) {
						// removed while copying
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					// removed between the listing and the look at it
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				if (ex != null && !(ex instanceof NoSuchFileException)) {
					throw ex;
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/** The server's own clock, as recovery_target_time compares it. */
	static OffsetDateTime now(Database server) throws SQLException {
		try (Connection connection = server.connect();
				ResultSet now = connection.createStatement().executeQuery("select clock_timestamp()")) {
			now.next();
			return now.getObject(1, OffsetDateTime.class);
		}
	}

	/**
	 * Finishes the current WAL segment and waits until the archive holds it: everything
	 * committed so far is then in the archive.
	 */
	static void archiveCurrentSegment(Database server, Duration limit) throws SQLException, InterruptedException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			String segment;
			try (ResultSet switched = statement.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
				switched.next();
				segment = switched.getString(1);
			}
			long deadline = System.nanoTime() + limit.toNanos();
			while (true) {
				try (ResultSet archived = statement
					.executeQuery("select coalesce(last_archived_wal, '') from pg_stat_archiver")) {
					archived.next();
					if (archived.getString(1).compareTo(segment) >= 0) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("segment " + segment + " not archived in " + limit);
				}
				Thread.sleep(200);
			}
		}
	}

	/**
	 * A server restored from a base backup and the archive to a moment, on zonky's
	 * binaries, as root in a user namespace of its own as OneVisit runs them.
	 */
	static final class Restored implements Database, AutoCloseable {

		private final Path binaries;

		private final Path directory;

		private final int port;

		private Restored(Path binaries, Path directory, int port) {
			this.binaries = binaries;
			this.directory = directory;
			this.port = port;
		}

		/**
		 * Copies the base backup into the directory, asks for recovery to the moment from
		 * the archive, starts the server and waits until it has promoted itself.
		 */
		static Restored to(OffsetDateTime moment, Path backup, Path archive, Path directory, Path binaries)
				throws IOException, InterruptedException, SQLException {
			LocalPostgres.deleteRecursively(directory);
			copy(backup, directory, Set.of());
			// PostgreSQL refuses a data directory others may read
			Files.setPosixFilePermissions(directory,
					java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
			Files.createDirectories(directory.resolve("pg_wal/archive_status"));
			Files.writeString(directory.resolve("recovery.signal"), "");
			Files.writeString(directory.resolve("postgresql.auto.conf"),
					"\n# point-in-time restore\nrestore_command = 'cp " + archive + "/%f %p'\n"
							+ "recovery_target_time = '" + moment.format(TARGET_TIME)
							+ "'\nrecovery_target_action = 'promote'\n"
							// the copy must not write into the original's archive
							+ "archive_mode = 'off'\n",
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
			Restored restored = new Restored(binaries, directory, LocalPostgres.freePort());
			// recovery refuses fewer connections than the original had (OneVisit's 200)
			restored.pgCtl("-o", "-p " + restored.port + " -c listen_addresses=localhost -c max_connections=200", "-l",
					directory.resolveSibling(directory.getFileName() + ".log").toString(), "-w", "-t", "300", "start");
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (restored.inRecovery()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the restored server did not finish its recovery");
				}
				Thread.sleep(200);
			}
			return restored;
		}

		private boolean inRecovery() throws SQLException {
			try (Connection connection = connect();
					ResultSet recovering = connection.createStatement().executeQuery("select pg_is_in_recovery()")) {
				recovering.next();
				return recovering.getBoolean(1);
			}
		}

		String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + this.port + "/onevisit";
		}

		@Override
		public Connection connect() throws SQLException {
			return DriverManager.getConnection(jdbcUrl(), "postgres", "");
		}

		/** The restored server's version, as it reports it. */
		String version() throws SQLException {
			try (Connection connection = connect();
					ResultSet version = connection.createStatement().executeQuery("show server_version")) {
				version.next();
				return version.getString(1);
			}
		}

		/** Counts the rows with one of these ids in a table. */
		long count(String table, List<String> ids) throws SQLException {
			try (Connection connection = connect();
					PreparedStatement statement = connection
						.prepareStatement("select count(*) from " + table + " where id = any(?)")) {
				statement.setArray(1,
						connection.createArrayOf("uuid", ids.stream().map(java.util.UUID::fromString).toArray()));
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		}

		@Override
		public void close() throws IOException, InterruptedException {
			if (Files.exists(this.directory.resolve("postmaster.pid"))) {
				pgCtl("-m", "fast", "-w", "stop");
			}
		}

		private void pgCtl(String... arguments) throws IOException, InterruptedException {
			LocalPostgres.pgCtl(this.binaries, this.directory, arguments);
		}

	}

}
