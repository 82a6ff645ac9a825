package org.onevisit.platform.internal;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Cuts the pool's connections when the server stops answering. A frozen server (its
 * processes stopped, a hung disk, a network path that swallows packets) cancels nothing:
 * {@code statement_timeout} never fires, and a request would wait for its socket's
 * timeout. The watch asks the server for {@code select 1} every interval on a connection
 * of its own; when no answer comes within its timeout it aborts every connection the pool
 * holds, so the requests waiting on them fail at once and are answered 503
 * ({@link DatabaseOutage}); until it answers again, new requests are answered 503 at
 * once, without waiting for a connection ({@link #answering()}).
 */
final class DatabaseWatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

	private static final Executor AT_ONCE = Runnable::run;

	private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

	private final PGSimpleDataSource probes;

	private final Duration interval;

	private final Duration timeout;

	private final Thread thread;

	private volatile boolean closed;

	private Connection probe;

	/** Read by every request ({@link DatabaseOutage}), written by the watch. */
	private volatile boolean unanswered;

	private volatile long cuts;

	/** Whether the last question was answered on a connection: the server was there. */
	private boolean reached;

	private volatile Runnable whenLost = () -> {
	};

	/**
	 * @param probes where to ask; its own connections, outside the pool
	 */
	DatabaseWatch(PGSimpleDataSource probes, Duration interval, Duration timeout) {
		this.probes = probes;
		this.interval = interval;
		this.timeout = timeout;
		this.thread = new Thread(this::watch, "database-watch");
		this.thread.setDaemon(true);
	}

	/** The pool's source of connections, each remembered so that it can be cut. */
	DataSource tracking(DataSource physical) {
		return new DelegatingDataSource(physical) {
			@Override
			public Connection getConnection() throws SQLException {
				return tracked(super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return tracked(super.getConnection(username, password));
			}
		};
	}

	private Connection tracked(Connection connection) {
		this.connections.add(connection);
		return connection;
	}

	DatabaseWatch start() {
		if (!this.interval.isZero() && !this.timeout.isZero()) {
			this.thread.start();
		}
		return this;
	}

	/**
	 * Whether the server answered the watch's last question: false from a question left
	 * unanswered (the pool's connections are cut then) until one is answered again. A
	 * server that refuses connections counts as answering: the pool finds that out by
	 * itself, at once. A server that is not answering is frozen, not gone: running a
	 * transaction again would only wait for it once more.
	 */
	boolean answering() {
		return !this.unanswered;
	}

	/**
	 * What to do when a server that answered stops answering, for whatever reason: at a
	 * switchover the old primary ends every session, and the pool's idle connections to
	 * it must not be lent any more.
	 */
	void whenServerLost(Runnable action) {
		this.whenLost = action;
	}

	/** How many times the pool's connections were cut. */
	long cuts() {
		return this.cuts;
	}

	private void watch() {
		try {
			keepWatching();
		}
		finally {
			closeProbe();
		}
	}

	private void keepWatching() {
		while (!this.closed) {
			try {
				// while unanswered, asked again almost at once: on a silent server each
				// question waits for the timeout by itself, and the first answer ends the
				// outage
				Thread.sleep(this.unanswered ? Math.min(100, this.interval.toMillis()) : this.interval.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			this.connections.removeIf(DatabaseWatch::isClosed);
			boolean wasReached = this.reached;
			boolean answered = ask();
			boolean before = this.unanswered;
			// first, so that the requests arriving meanwhile are answered at once
			this.unanswered = !answered;
			// gone (its sessions ended, refused), not silent: a frozen server's
			// connections are cut below instead
			if (wasReached && !this.reached && answered) {
				lost();
			}
			if (!answered && !before) {
				log.warn("The database did not answer within {} ms: cutting the pool's {} connections",
						this.timeout.toMillis(), this.connections.size());
				cutAll();
			}
			else if (answered && before) {
				log.info("The database answers again");
			}
		}
	}

	/**
	 * Whether the server answered in time; a server that refuses connections answers (the
	 * pool finds out by itself), one that accepts and then stays silent does not.
	 */
	private boolean ask() {
		try {
			if (this.probe == null || this.probe.isClosed()) {
				this.probe = this.probes.getConnection();
				this.probe.setNetworkTimeout(AT_ONCE, (int) this.timeout.toMillis());
			}
			try (Statement statement = this.probe.createStatement()) {
				statement.execute("select 1");
			}
			this.reached = true;
			return true;
		}
		catch (SQLException ex) {
			this.reached = false;
			closeProbe();
			return !timedOut(ex);
		}
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException
					|| (cause.getMessage() != null && cause.getMessage().contains("timed out"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private void lost() {
		log.info("The database server went away: the pool lends no more of its connections to it");
		try {
			this.whenLost.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not evict the pool's connections", ex);
		}
	}

	private void cutAll() {
		this.cuts++;
		for (Connection connection : this.connections) {
			try {
				connection.abort(AT_ONCE);
			}
			catch (SQLException | RuntimeException ex) {
				log.debug("Could not cut a connection", ex);
			}
		}
		this.connections.clear();
	}

	private void closeProbe() {
		if (this.probe != null) {
			try {
				this.probe.abort(AT_ONCE);
			}
			catch (SQLException | RuntimeException ex) {
				// it is gone either way
			}
			this.probe = null;
		}
	}

	private static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
	}

}
