package org.onevisit.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.onevisit.shared.Sm4Gcm;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys, unwrapped once and kept in memory: sealing and indexing cost no round
 * trip. The first start creates the first SEAL key and the INDEX key; a key id this node
 * has not seen yet (another node rotated) is read from the table when a value names it.
 * Keys are written in a transaction of their own: a caller's rollback must not take away
 * a key that values were already sealed under.
 */
@Repository
class DataKeys {

	static final int INDEX_KEY_ID = 0;

	private final JdbcClient jdbc;

	private final KeyEncryptionKey kek;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final Map<Integer, byte[]> sealKeys = new ConcurrentHashMap<>();

	private volatile int current = -1;

	private volatile byte[] indexKey;

	private volatile byte[] stableKey;

	private volatile byte[] stableNonceKey;

	DataKeys(JdbcClient jdbc, KeyEncryptionKey kek, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.kek = kek;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The id and key new values are sealed under. */
	int current() {
		if (this.current < 0) {
			load();
		}
		return this.current;
	}

	byte[] sealKey(int id) {
		byte[] key = this.sealKeys.get(id);
		if (key == null) {
			load();
			key = this.sealKeys.get(id);
		}
		return key;
	}

	byte[] indexKey() {
		if (this.indexKey == null) {
			load();
		}
		return this.indexKey;
	}

	/** The key of stable seals, derived from the index key (HMAC-SM3 as the KDF). */
	byte[] stableKey() {
		if (this.stableKey == null) {
			this.stableKey = Arrays.copyOf(
					SealedPersonalData.mac(indexKey(), "privacy/stable/key".getBytes(StandardCharsets.US_ASCII)),
					Sm4Gcm.KEY_BYTES);
		}
		return this.stableKey;
	}

	/** The key that derives the nonces of stable seals. */
	byte[] stableNonceKey() {
		if (this.stableNonceKey == null) {
			this.stableNonceKey = SealedPersonalData.mac(indexKey(),
					"privacy/stable/nonce".getBytes(StandardCharsets.US_ASCII));
		}
		return this.stableNonceKey;
	}

	/** A new SEAL key, which seals from now on. */
	synchronized int rotate() {
		int id = this.ownTransaction.execute((status) -> {
			int next = this.jdbc.sql("select coalesce(max(id), 0) + 1 from privacy_data_key")
				.query(Integer.class)
				.single();
			insert(next, "SEAL");
			return next;
		});
		this.sealKeys.put(id, unwrap(id, wrappedOf(id).orElseThrow()));
		this.current = id;
		return id;
	}

	private synchronized void load() {
		this.ownTransaction.executeWithoutResult((status) -> {
			if (!exists(INDEX_KEY_ID)) {
				insert(INDEX_KEY_ID, "INDEX");
			}
			if (this.jdbc.sql("select count(*) from privacy_data_key where use = 'SEAL'")
				.query(Integer.class)
				.single() == 0) {
				insert(1, "SEAL");
			}
		});
		this.jdbc.sql("select id, use, wrapped from privacy_data_key").query((row, n) -> {
			int id = row.getInt("id");
			byte[] key = unwrap(id, row.getBytes("wrapped"));
			if ("INDEX".equals(row.getString("use"))) {
				this.indexKey = key;
			}
			else {
				this.sealKeys.put(id, key);
			}
			return id;
		}).list();
		this.current = this.sealKeys.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
	}

	// concurrent first starts of several nodes: one insert wins, every node reads the
	// winner
	private void insert(int id, String use) {
		this.jdbc.sql("""
				insert into privacy_data_key (id, use, wrapped, created_at) values (:id, :use, :wrapped, :at)
				on conflict do nothing
				""")
			.param("id", id)
			.param("use", use)
			.param("wrapped", this.kek.wrap(Sm4Gcm.newKey(), purpose(id)))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	private boolean exists(int id) {
		return wrappedOf(id).isPresent();
	}

	private Optional<byte[]> wrappedOf(int id) {
		return this.jdbc.sql("select wrapped from privacy_data_key where id = :id")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	private byte[] unwrap(int id, byte[] wrapped) {
		return this.kek.unwrap(wrapped, purpose(id));
	}

	private static String purpose(int id) {
		return (id == INDEX_KEY_ID) ? "privacy/index" : "privacy/seal/" + id;
	}

}
