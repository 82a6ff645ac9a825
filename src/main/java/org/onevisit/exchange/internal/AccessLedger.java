package org.onevisit.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.LedgerVerification;
import org.onevisit.exchange.LedgerVerification.Problem;
import org.onevisit.exchange.PartnerMandates;
import org.onevisit.platform.Sentence;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Sm3;
import org.onevisit.shared.VerifyingKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The append-only, hash-chained log of every access to registry data. Each entry's hash
 * is SM3 over the previous entry's hash and this entry's content; every
 * {@code checkpointEvery} entries the platform signs the chain's hash. Appends are
 * grouped: one writer thread takes what is waiting, chains it under a database lock (so
 * that several nodes extend one chain) and commits it in one transaction; callers wait
 * until their entries are durable before they use the data. The evidence the accesses
 * delivered is saved in the same transaction.
 */
@Component
class AccessLedger implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AccessLedger.class);

	static final byte[] GENESIS = new byte[32];

	// any fixed number: the advisory lock that serialises appends across nodes
	private static final long APPEND_LOCK = 0x4C454447L;

	private static final char SEPARATOR = '\u001f';

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final Signer signer;

	private final SigningKeys keys;

	private final Evidences evidences;

	private final Clock clock;

	private final PersonalData personalData;

	private final TransparencyLog transparencyLog;

	private final int checkpointEvery;

	private static final int VERIFY_BATCH = 10_000;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	// as many hashing threads as cores: the verifier's reader waits on the database
	private final ExecutorService hashers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
			(task) -> {
				Thread thread = new Thread(task, "ledger-verifier");
				thread.setDaemon(true);
				return thread;
			});

	private volatile Thread writer;

	// looked up on first use: getIfAvailable resolves the dependency anew on every call
	private final Supplier<PartnerMandates> mandates;

	private volatile boolean running;

	AccessLedger(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, Signer signer,
			SigningKeys keys, Evidences evidences, Clock clock, PersonalData personalData,
			TransparencyLog transparencyLog,
			@Value("${onevisit.exchange.ledger.checkpoint-every:1000}") int checkpointEvery,
			ObjectProvider<PartnerMandates> mandates) {
		this.mandates = (mandates != null) ? SingletonSupplier.of(mandates::getIfAvailable) : () -> null;
		this.personalData = personalData;
		this.transparencyLog = transparencyLog;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.batch = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.signer = signer;
		this.keys = keys;
		this.evidences = evidences;
		this.clock = clock;
		this.checkpointEvery = checkpointEvery;
	}

	/** One access, before it has a place in the chain. */
	record Access(String actor, String consumer, String subject, String registry, String elements, String reference,
			String purpose, String requestId, String outcome) {
	}

	/** Appends and waits until the entries are committed. */
	void append(List<Access> accesses) {
		append(accesses, List.of());
	}

	/**
	 * Appends the accesses and saves the evidence they delivered in the same transaction,
	 * and waits until both are committed.
	 */
	void append(List<Access> accesses, List<Evidences.Evidence> evidence) {
		if (accesses.isEmpty() && evidence.isEmpty()) {
			return;
		}
		Pending pending = new Pending(underMandates(accesses), evidence, new CompletableFuture<>());
		if (!this.running) {
			// before start or after stop: write directly, there is no writer thread
			write(List.of(pending));
		}
		else {
			this.queue.add(pending);
		}
		try {
			pending.done().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the access ledger was written", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the access ledger could not be written", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the access ledger was not written within 30 s", ex);
		}
	}

	/**
	 * Accesses made for a partner's filing name the mandate and the partner in their
	 * purpose (in the caller's thread: a filing in progress is known there only), so that
	 * the hash chain and the public log cover them as every other access.
	 */
	private List<Access> underMandates(List<Access> accesses) {
		PartnerMandates partners = this.mandates.get();
		if (partners == null || accesses.isEmpty()) {
			return accesses;
		}
		Map<String, Optional<PartnerMandates.Mandated>> found = new HashMap<>();
		List<Access> named = new ArrayList<>(accesses.size());
		for (Access access : accesses) {
			Optional<PartnerMandates.Mandated> mandate = found.computeIfAbsent(
					access.actor() + SEPARATOR + access.reference(),
					(key) -> partners.mandateOf(access.actor(), access.reference()));
			named.add(
					mandate
						.map((held) -> new Access(access.actor(), access.consumer(), access.subject(),
								access.registry(), access.elements(), access.reference(),
								Sentence
									.of("exchange.purpose.underMandate",
											Sentence.from(access.purpose())
												.<Object>map((said) -> said)
												.orElse(access.purpose()),
											held.partnerName(), held.mandateId().toString())
									.stored(),
								access.requestId(), access.outcome()))
						.orElse(access));
		}
		return named;
	}

	private record Pending(List<Access> accesses, List<Evidences.Evidence> evidence, CompletableFuture<Void> done) {
	}

	private void writeLoop() {
		while (this.running || !this.queue.isEmpty()) {
			List<Pending> batch = new ArrayList<>();
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 499);
				write(batch);
			}
			catch (InterruptedException ex) {
				if (!this.running) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void write(List<Pending> batch) {
		try {
			this.transactions.executeWithoutResult((status) -> chain(batch));
			batch.forEach((pending) -> pending.done().complete(null));
		}
		catch (RuntimeException ex) {
			log.error("Could not append {} access(es) to the ledger", batch.size(), ex);
			batch.forEach((pending) -> pending.done().completeExceptionally(ex));
		}
	}

	private void chain(List<Pending> batch) {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", APPEND_LOCK).query(Object.class).single();
		record Head(long seq, byte[] hash) {
		}
		Head head = this.jdbc.sql("select seq, hash from exchange_ledger order by seq desc limit 1")
			.query((row, rowNum) -> new Head(row.getLong("seq"), row.getBytes("hash")))
			.optional()
			.orElse(new Head(0, GENESIS));
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long seq = head.seq();
		byte[] previous = head.hash();
		List<Object[]> rows = new ArrayList<>();
		List<long[]> checkpoints = new ArrayList<>();
		List<byte[]> checkpointHashes = new ArrayList<>();
		for (Pending pending : batch) {
			for (Access given : pending.accesses()) {
				Access access = new Access(given.actor(), given.consumer(), stored(given.subject()), given.registry(),
						given.elements(), given.reference(), given.purpose(), given.requestId(), given.outcome());
				seq++;
				byte[] hash = Sm3.hash(previous, content(seq, at, access));
				rows.add(new Object[] { seq, Timestamp.from(at), access.actor(), access.consumer(), access.subject(),
						access.registry(), access.elements(), access.reference(), access.purpose(), access.requestId(),
						access.outcome(), previous, hash });
				if (seq % this.checkpointEvery == 0) {
					checkpoints.add(new long[] { seq });
					checkpointHashes.add(hash);
				}
				previous = hash;
			}
		}
		insert(rows);
		// each access enters the public log by its place and hash in this chain, in the
		// same transaction: the log names no person
		List<LogEntry> logged = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			logged.add(LogEntry.dataAccess((long) row[0], (byte[]) row[12], (String) row[5], (String) row[3],
					(String) row[10], at));
		}
		this.transparencyLog.record(logged);
		List<Evidences.Evidence> evidence = batch.stream().flatMap((pending) -> pending.evidence().stream()).toList();
		if (!evidence.isEmpty()) {
			this.evidences.save(evidence);
		}
		for (int c = 0; c < checkpoints.size(); c++) {
			long checkpointSeq = checkpoints.get(c)[0];
			byte[] hash = checkpointHashes.get(c);
			Signer.Signed signed = this.signer.sign(KeyName.LEDGER, checkpointContent(checkpointSeq, hash));
			this.jdbc.sql("""
					insert into exchange_ledger_checkpoint (seq, hash, signed_at, key_id, signature)
					values (:seq, :hash, :at, :key, :signature)
					""")
				.param("seq", checkpointSeq)
				.param("hash", hash)
				.param("at", Timestamp.from(at))
				.param("key", signed.keyId())
				.param("signature", signed.signature())
				.update();
		}
	}

	private void insert(List<Object[]> rows) {
		this.batch.batchUpdate("""
				insert into exchange_ledger (seq, at, actor, consumer, subject, registry, elements, reference, purpose,
				    request_id, outcome, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	/**
	 * A subject as the ledger keeps it: a person by the blind index of their resident ID
	 * (the hash chain covers what is stored, so it verifies without the key), anything
	 * else (a credit code, a certificate number) as it is.
	 */
	private String stored(String subject) {
		return (subject != null && ResidentId.isValid(subject)) ? this.personalData.blindIndex(ResidentId.of(subject))
				: subject;
	}

	/** What an entry's hash covers, besides the previous hash: every column, in order. */
	static byte[] content(long seq, Instant at, Access access) {
		String text = String.join(String.valueOf(SEPARATOR), Long.toString(seq),
				Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)), access.actor(), access.consumer(),
				access.subject(), access.registry(), access.elements(), access.reference(), access.purpose(),
				access.requestId(), access.outcome());
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] checkpointContent(long seq, byte[] hash) {
		return Sm3.hash(("ledger-checkpoint" + SEPARATOR + seq + SEPARATOR).getBytes(StandardCharsets.UTF_8), hash);
	}

	List<AccessEntry> accessesTo(String subject, int limit) {
		return this.jdbc.sql("""
				select seq, at, actor, consumer, subject, registry, elements, reference, purpose, outcome
				from exchange_ledger where subject = :subject order by seq desc limit :limit
				""")
			.param("subject", stored(subject))
			.param("limit", limit)
			// every entry found is about the subject asked for: it is shown, not its
			// index
			.query((row, rowNum) -> new AccessEntry(row.getLong("seq"), row.getTimestamp("at").toInstant(),
					row.getString("actor"), row.getString("consumer"), subject, row.getString("registry"),
					row.getString("elements"), row.getString("reference"), row.getString("purpose"),
					row.getString("outcome")))
			.list();
	}

	/**
	 * Walks the chain in order, streaming, and stops at the first entry that does not
	 * fit.
	 */
	LedgerVerification verify() {
		long started = System.nanoTime();
		List<Checkpoint> checkpoints = this.jdbc
			.sql("select seq, hash, key_id, signature from exchange_ledger_checkpoint order by seq")
			.query((row, rowNum) -> new Checkpoint(row.getLong("seq"), row.getBytes("hash"), row.getString("key_id"),
					row.getBytes("signature")))
			.list();
		// every key the checkpoints name: the one that signs now and those rotated out
		Walk walk = new Walk(checkpoints, (keyId) -> this.keys.key(KeyName.LEDGER, keyId));
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			// PostgreSQL streams a result only inside a transaction
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement("""
					select seq, at, actor, consumer, subject, registry, elements, reference, purpose, request_id,
					       outcome, prev_hash, hash
					from exchange_ledger order by seq
					""")) {
				statement.setFetchSize(20_000);
				try (ResultSet row = statement.executeQuery()) {
					// hashing is the cost and each row's hash is independent of the
					// others: batches are hashed on other threads while the next ones
					// are read, and walked in order
					ArrayDeque<Future<List<Row>>> hashing = new ArrayDeque<>();
					List<Row> batch = new ArrayList<>(VERIFY_BATCH);
					while (walk.problem == null && row.next()) {
						batch.add(new Row(row.getLong(1), row.getTimestamp(2).toInstant(),
								new Access(row.getString(3), row.getString(4), row.getString(5), row.getString(6),
										row.getString(7), row.getString(8), row.getString(9), row.getString(10),
										row.getString(11)),
								row.getBytes(12), row.getBytes(13)));
						if (batch.size() == VERIFY_BATCH) {
							List<Row> full = batch;
							hashing.add(this.hashers.submit(() -> hashed(full)));
							batch = new ArrayList<>(VERIFY_BATCH);
							if (hashing.size() > 3) {
								walkBatch(walk, hashing.poll());
							}
						}
					}
					List<Row> rest = batch;
					hashing.add(this.hashers.submit(() -> hashed(rest)));
					while (!hashing.isEmpty()) {
						walkBatch(walk, hashing.poll());
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the access ledger", ex);
		}
		walk.finish();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		return new LedgerVerification(walk.problem == null, walk.entries, walk.checkpointsChecked, walk.firstBad,
				walk.problem, took);
	}

	private record Checkpoint(long seq, byte[] hash, String keyId, byte[] signature) {
	}

	/** A ledger row as read, and whether its content still matches its own hash. */
	private record Row(long seq, Instant at, Access access, byte[] storedPrevious, byte[] storedHash,
			boolean selfConsistent) {

		Row(long seq, Instant at, Access access, byte[] storedPrevious, byte[] storedHash) {
			this(seq, at, access, storedPrevious, storedHash, false);
		}

	}

	private static List<Row> hashed(List<Row> rows) {
		List<Row> hashed = new ArrayList<>(rows.size());
		for (Row row : rows) {
			byte[] recomputed = Sm3.hash(row.storedPrevious(), content(row.seq(), row.at(), row.access()));
			hashed.add(new Row(row.seq(), row.at(), row.access(), row.storedPrevious(), row.storedHash(),
					Arrays.equals(recomputed, row.storedHash())));
		}
		return hashed;
	}

	private static void walkBatch(Walk walk, Future<List<Row>> batch) {
		try {
			for (Row row : batch.get()) {
				if (walk.problem != null) {
					return;
				}
				walk.next(row.seq(), row.selfConsistent(), row.storedPrevious(), row.storedHash());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while verifying the ledger", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("cannot verify the ledger", ex.getCause());
		}
	}

	/** The verifier's state while walking the chain. */
	private static final class Walk {

		private final List<Checkpoint> checkpoints;

		private final Function<String, Optional<VerifyingKey>> keys;

		private int nextCheckpoint;

		private long expectedSeq = 1;

		private byte[] previous = GENESIS;

		long entries;

		long checkpointsChecked;

		Long firstBad;

		Problem problem;

		Walk(List<Checkpoint> checkpoints, Function<String, Optional<VerifyingKey>> keys) {
			this.checkpoints = checkpoints;
			this.keys = keys;
		}

		void next(long seq, boolean selfConsistent, byte[] storedPrevious, byte[] storedHash) {
			if (!selfConsistent) {
				fail(seq, Problem.ALTERED);
				return;
			}
			if (seq != this.expectedSeq) {
				fail(this.expectedSeq, (seq > this.expectedSeq) ? Problem.REMOVED : Problem.REORDERED);
				return;
			}
			if (!Arrays.equals(storedPrevious, this.previous)) {
				// intact by itself but not chained to its predecessor: moved or the
				// predecessor was replaced
				fail(seq, Problem.REORDERED);
				return;
			}
			while (this.nextCheckpoint < this.checkpoints.size()
					&& this.checkpoints.get(this.nextCheckpoint).seq() == seq) {
				Checkpoint checkpoint = this.checkpoints.get(this.nextCheckpoint++);
				if (!Arrays.equals(checkpoint.hash(), storedHash) || !this.keys.apply(checkpoint.keyId())
					.map((key) -> key.verifies(checkpointContent(seq, storedHash), checkpoint.signature()))
					.orElse(false)) {
					fail(seq, Problem.CHECKPOINT_MISMATCH);
					return;
				}
				this.checkpointsChecked++;
			}
			this.previous = storedHash;
			this.expectedSeq = seq + 1;
			this.entries++;
		}

		void finish() {
			if (this.problem != null) {
				return;
			}
			// a checkpoint beyond the last entry means entries at the end were removed
			if (this.nextCheckpoint < this.checkpoints.size()) {
				fail(this.expectedSeq, Problem.REMOVED);
			}
		}

		private void fail(long seq, Problem problem) {
			this.firstBad = seq;
			this.problem = problem;
		}

	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::writeLoop, "access-ledger");
		thread.setDaemon(true);
		thread.start();
		this.writer = thread;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread != null) {
			try {
				thread.join(5_000);
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
