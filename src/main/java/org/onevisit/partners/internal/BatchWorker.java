package org.onevisit.partners.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.onevisit.applications.Application;
import org.onevisit.partners.internal.PartnerFilings.Filing;
import org.onevisit.platform.Sentences;
import org.onevisit.shared.OneVisitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files the pending cases of batches, each on its own, exactly as a single partner filing
 * ({@link PartnerFilings}). A case (or an explicitly grouped set) is claimed with
 * {@code FOR UPDATE SKIP LOCKED} in the very transaction that files it and marks it
 * filed: a node that dies mid-case leaves the case pending and unlocked for another node,
 * and a filed case is never filed again (its idempotency key would answer the same
 * application anyway). A refusal is recorded in a transaction of its own; a failure of
 * the system's (registry or database unavailable, the same key in flight) is retried
 * later with backoff, case by case.
 * <p>
 * A worker claims its next case as soon as it has filed one. The workers hold at most the
 * pool's connections beyond those reserved for people, and each request of a person in
 * progress on the node ({@link PeopleInFlight}) takes a worker's seat until it is
 * answered: a batch fills the capacity people leave, and never makes them wait for it.
 */
@Component
public class BatchWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

	/** Attempts of a case failing for the system's reasons before it is refused. */
	static final int MAX_ATTEMPTS = 8;

	private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

	// how often a worker whose seat a person holds looks again
	private static final Duration SEAT_WAIT = Duration.ofMillis(2);

	private final JdbcClient jdbc;

	private final Batches batches;

	private final PartnerFilings filings;

	private final Sentences sentences;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int workers;

	private final PeopleInFlight people;

	private final boolean yieldToPeople;

	private final AtomicInteger active = new AtomicInteger();

	// the workers filing a case now (a worker waiting for a seat is not counted)
	private final AtomicInteger filing = new AtomicInteger();

	private volatile ExecutorService executor;

	private volatile boolean running;

	BatchWorker(JdbcClient jdbc, Batches batches, PartnerFilings filings, Sentences sentences,
			PlatformTransactionManager transactionManager, Clock clock, PeopleInFlight people,
			@Value("${onevisit.partners.batches.yield-to-people:true}") boolean yieldToPeople,
			@Value("${onevisit.partners.batches.workers:0}") int workers,
			@Value("${onevisit.db.pool-size:20}") int poolSize,
			@Value("${onevisit.partners.batches.reserved-connections:10}") int reservedConnections) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.filings = filings;
		this.sentences = sentences;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.people = people;
		this.yieldToPeople = yieldToPeople;
		this.workers = workers(workers, Runtime.getRuntime().availableProcessors(), poolSize, reservedConnections);
		log.info("Batch cases are filed by {} workers per node", this.workers);
	}

	/**
	 * How many cases a node files at once. A case waits most of its time on the database
	 * and on the access ledger's commit, so twice the cores keep both busy; each worker
	 * holds one pooled connection while it files, and the connections reserved for people
	 * (requests at windows and on the site) are never a worker's: the batch cannot starve
	 * them of connections. A configured number is bounded the same way.
	 */
	static int workers(int configured, int cores, int poolSize, int reservedConnections) {
		int forBatches = Math.max(1, poolSize - Math.max(0, reservedConnections));
		int wanted = (configured > 0) ? configured : 2 * cores;
		return Math.max(1, Math.min(wanted, forBatches));
	}

	/** The number of workers this node runs. */
	public int workers() {
		return this.workers;
	}

	/** Picks up cases that fell due (retries, another node's abandoned work). */
	@Scheduled(fixedDelayString = "${onevisit.partners.batches.poll-interval:PT2S}",
			initialDelayString = "${onevisit.partners.batches.poll-interval:PT2S}")
	public void poll() {
		wake();
	}

	/** Starts workers, up to the configured number, until no case is due. */
	public void wake() {
		ExecutorService pool = this.executor;
		if (!this.running || pool == null) {
			return;
		}
		for (int started = this.active.get(); started < this.workers; started = this.active.get()) {
			if (this.active.compareAndSet(started, started + 1)) {
				try {
					pool.execute(this::drain);
				}
				catch (RuntimeException ex) {
					// shutting down
					this.active.decrementAndGet();
					return;
				}
			}
		}
	}

	/**
	 * How many cases the workers file at once while people's requests are in progress:
	 * each person takes a worker's seat, so that the node serves no more at once than its
	 * workers would alone; one case is always filed, so that people never stop a batch.
	 */
	static int seats(int workers, int people) {
		return Math.max(1, workers - Math.max(0, people));
	}

	/** Waits for a seat to file the next case; false when the node stops meanwhile. */
	private boolean takeSeat() {
		while (this.running) {
			int seats = this.yieldToPeople ? seats(this.workers, this.people.now()) : this.workers;
			int taken = this.filing.get();
			if (taken < seats) {
				if (this.filing.compareAndSet(taken, taken + 1)) {
					return true;
				}
				continue;
			}
			try {
				Thread.sleep(SEAT_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private void drain() {
		try {
			int busy = 0;
			while (this.running) {
				if (!takeSeat()) {
					return;
				}
				Outcome outcome;
				try {
					outcome = workNext();
				}
				finally {
					this.filing.decrementAndGet();
				}
				if (outcome == Outcome.NOTHING_DUE || (outcome == Outcome.BUSY && ++busy > 3)) {
					return;
				}
				if (outcome == Outcome.WORKED) {
					busy = 0;
				}
			}
		}
		catch (RuntimeException ex) {
			// the database away: the next poll tries again
			log.warn("Batch worker stopped until the next poll: {}", ex.toString());
		}
		finally {
			this.active.decrementAndGet();
		}
	}

	enum Outcome {

		WORKED, BUSY, NOTHING_DUE

	}

	/** A claimed case: its batch, row, key and sealed filing. */
	record Claimed(UUID batch, int row, String key, String group, String sealed, int attempts) {
	}

	/**
	 * Claims the next due case (with its whole group) and files it in one transaction;
	 * answers whether there was one.
	 */
	Outcome workNext() {
		List<List<Claimed>> claimedSet = new ArrayList<>(1);
		List<Claimed> failing = new ArrayList<>(1);
		try {
			return this.transactions.execute((status) -> {
				List<Claimed> claimed = claim();
				if (claimed == null) {
					return Outcome.NOTHING_DUE;
				}
				if (claimed.isEmpty()) {
					status.setRollbackOnly();
					return Outcome.BUSY;
				}
				claimedSet.add(claimed);
				fileAll(claimed, failing);
				return Outcome.WORKED;
			});
		}
		catch (RuntimeException ex) {
			if (failing.isEmpty()) {
				throw ex;
			}
			// the transaction rolled back: nothing of the case (or its group) was filed
			settleFailure(claimedSet.get(0), failing.get(0), ex);
			return Outcome.WORKED;
		}
	}

	/**
	 * The next due case, locked, with the rest of its group; an empty list when another
	 * worker holds part of the group; null when nothing is due.
	 */
	private List<Claimed> claim() {
		Timestamp now = Timestamp.from(this.clock.instant());
		// a group is claimed by its first pending row only: two workers that each took
		// one
		// row of the same group would both find it held and give it up
		List<Claimed> first = this.jdbc.sql("""
				select batch_id, row_no, idempotency_key, group_key, filing_sealed, attempts
				from partners_batch_case c where state = 'PENDING' and next_attempt_at <= :now
				  and (group_key is null or not exists (
				    select 1 from partners_batch_case g where g.batch_id = c.batch_id and g.group_key = c.group_key
				      and g.state = 'PENDING' and g.row_no < c.row_no))
				order by next_attempt_at, batch_id, row_no limit 1 for update skip locked
				""").param("now", now).query(BatchWorker::claimed).list();
		if (first.isEmpty()) {
			return null;
		}
		Claimed one = first.get(0);
		if (one.group() == null) {
			return first;
		}
		List<Claimed> group = this.jdbc.sql("""
				select batch_id, row_no, idempotency_key, group_key, filing_sealed, attempts
				from partners_batch_case where batch_id = :batch and group_key = :group and state = 'PENDING'
				order by row_no for update skip locked
				""").param("batch", one.batch()).param("group", one.group()).query(BatchWorker::claimed).list();
		int pending = this.jdbc
			.sql("select count(*) from partners_batch_case where batch_id = :batch and group_key = :group "
					+ "and state = 'PENDING'")
			.param("batch", one.batch())
			.param("group", one.group())
			.query(Integer.class)
			.single();
		return (group.size() == pending) ? group : List.of();
	}

	private static Claimed claimed(ResultSet row, int n) throws SQLException {
		return new Claimed(row.getObject("batch_id", UUID.class), row.getInt("row_no"),
				row.getString("idempotency_key"), row.getString("group_key"), row.getString("filing_sealed"),
				row.getInt("attempts"));
	}

	/** Files every claimed case; the one that fails is named in {@code failing}. */
	private void fileAll(List<Claimed> claimed, List<Claimed> failing) {
		// the batch's partner, its scopes at upload and whether it is suspended now: one
		// statement per case
		Map<String, Object> batch = this.jdbc.sql("""
				select b.partner_client_id, b.scopes, p.suspended
				from partners_batch b join partners_partner p on p.client_id = b.partner_client_id
				where b.id = :id
				""").param("id", claimed.get(0).batch()).query().singleRow();
		String partner = (String) batch.get("partner_client_id");
		Set<String> scopes = scopesOf(batch.get("scopes"));
		boolean suspended = Boolean.TRUE.equals(batch.get("suspended"));
		Instant now = this.clock.instant();
		for (Claimed each : claimed) {
			try {
				if (suspended) {
					throw BatchRefused.partnerSuspended();
				}
				Filing filing = this.batches.filingOf(each.sealed());
				Application filed = this.filings.file(partner, scopes, filing, each.key()).application();
				this.jdbc
					.sql("update partners_batch_case set state = 'FILED', attempts = attempts + 1, "
							+ "next_attempt_at = null, application_id = :application, tracking_number = :tracking, "
							+ "done_at = :at where batch_id = :batch and row_no = :row")
					.param("application", filed.id().value())
					.param("tracking", filed.trackingNumber())
					.param("at", Timestamp.from(now))
					.param("batch", each.batch())
					.param("row", each.row())
					.update();
			}
			catch (RuntimeException ex) {
				failing.add(each);
				throw ex;
			}
		}
	}

	private static Set<String> scopesOf(Object stored) {
		try {
			return new LinkedHashSet<>(Arrays.asList((String[]) ((Array) stored).getArray()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("unreadable scopes of a batch", ex);
		}
	}

	/**
	 * Records why a claimed case (and its group) was not filed, after its transaction
	 * rolled back: a refusal for good, or a retry later for a failure of the system's.
	 */
	private void settleFailure(List<Claimed> claimed, Claimed failing, RuntimeException cause) {
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			if (passes(cause)) {
				int attempts = failing.attempts() + 1;
				if (attempts < MAX_ATTEMPTS) {
					Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 20));
					Instant next = now.plus((wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait);
					log.info("Batch {} row {} not filed (attempt {}), retried at {}: {}", failing.batch(),
							failing.row(), attempts, next, cause.toString());
					for (Claimed each : claimed) {
						this.jdbc
							.sql("update partners_batch_case set attempts = attempts + 1, next_attempt_at = :next "
									+ "where batch_id = :batch and row_no = :row and state = 'PENDING'")
							.param("next", Timestamp.from(next))
							.param("batch", each.batch())
							.param("row", each.row())
							.update();
					}
					return;
				}
				log.warn("Batch {} row {} given up after {} attempts", failing.batch(), failing.row(), attempts, cause);
				refuse(claimed, failing, BatchRefused.gaveUp(attempts), now);
				return;
			}
			refuse(claimed, failing, (OneVisitException) cause, now);
		});
	}

	private void refuse(List<Claimed> claimed, Claimed failing, OneVisitException refusal, Instant now) {
		for (Claimed each : claimed) {
			OneVisitException why = (each == failing) ? refusal : BatchRefused.groupRefused(failing.row());
			this.jdbc
				.sql("update partners_batch_case set state = 'REFUSED', attempts = attempts + 1, "
						+ "next_attempt_at = null, error_code = :code, error_message = :message, done_at = :at "
						+ "where batch_id = :batch and row_no = :row and state = 'PENDING'")
				.param("code", why.code())
				.param("message", inChinese(why))
				.param("at", Timestamp.from(now))
				.param("batch", each.batch())
				.param("row", each.row())
				.update();
		}
	}

	/** The bundles' words for the refusal, as a single filing's problem says them. */
	private String inChinese(OneVisitException refusal) {
		return this.sentences.refusal(refusal, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * Whether the failure is the system's and passes (a registry or the database away,
	 * the same key being filed elsewhere), rather than the case's.
	 */
	private static boolean passes(RuntimeException cause) {
		if (!(cause instanceof OneVisitException refusal)) {
			return true;
		}
		return refusal.kind() == OneVisitException.Kind.UNAVAILABLE
				|| refusal.kind() == OneVisitException.Kind.TOO_MANY_REQUESTS
				|| "request_in_progress".equals(refusal.code());
	}

	@Override
	public void start() {
		this.executor = Executors.newFixedThreadPool(this.workers, (task) -> {
			Thread thread = new Thread(task, "batch-worker");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
	}

	/** Lets the cases in hand finish (each is one transaction) and takes no more. */
	@Override
	public void stop() {
		this.running = false;
		ExecutorService pool = this.executor;
		if (pool != null) {
			pool.shutdown();
			try {
				pool.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
