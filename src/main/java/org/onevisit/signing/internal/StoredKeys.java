package org.onevisit.signing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onevisit.signing.KeyName;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signing keys in PostgreSQL: public keys in clear, private keys only wrapped under
 * the key-encryption key.
 */
@Repository
class StoredKeys {

	private final JdbcClient jdbc;

	StoredKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key that signs under that name, if one was made. */
	Optional<Row> signing(KeyName name) {
		return this.jdbc.sql("""
				select name, key_id, public_key, private_key, created_at, retired_at
				from signing_key where name = :name and retired_at is null
				""").param("name", name.code()).query(StoredKeys::row).optional();
	}

	Optional<Row> find(KeyName name, String keyId) {
		return this.jdbc.sql("""
				select name, key_id, public_key, private_key, created_at, retired_at
				from signing_key where name = :name and key_id = :key
				""").param("name", name.code()).param("key", keyId).query(StoredKeys::row).optional();
	}

	/** The keys under that name, the one that signs first, then newest first. */
	List<Row> all(KeyName name) {
		return this.jdbc.sql("""
				select name, key_id, public_key, private_key, created_at, retired_at
				from signing_key where name = :name
				order by retired_at is not null, created_at desc, key_id
				""").param("name", name.code()).query(StoredKeys::row).list();
	}

	/**
	 * Stores the first key that signs under its name, unless another instance stored one
	 * first: whether this one was stored.
	 */
	boolean addFirst(Row key) {
		return insert(key, "on conflict (name) where retired_at is null do nothing") == 1;
	}

	/** Retires the key that signs under the new key's name and makes the new key sign. */
	@Transactional
	void replace(Row key) {
		this.jdbc.sql("update signing_key set retired_at = :at where name = :name and retired_at is null")
			.param("name", key.name().code())
			.param("at", Timestamp.from(key.createdAt()))
			.update();
		// no conflict clause: if another instance made a key sign meanwhile, this
		// transaction fails rather than dropping its new key unnoticed
		insert(key, "");
	}

	private int insert(Row key, String onConflict) {
		return this.jdbc.sql("""
				insert into signing_key (name, key_id, public_key, private_key, created_at)
				values (:name, :key, :public, :private, :at)
				""" + onConflict)
			.param("name", key.name().code())
			.param("key", key.keyId())
			.param("public", key.publicKey())
			.param("private", key.wrappedPrivateKey())
			.param("at", Timestamp.from(key.createdAt()))
			.update();
	}

	/**
	 * Keeps a public key that only verifies (one imported from an older data directory),
	 * unless it is known already.
	 */
	void addVerifying(KeyName name, String keyId, String publicKey, Instant createdAt, Instant retiredAt) {
		this.jdbc.sql("""
				insert into signing_key (name, key_id, public_key, created_at, retired_at)
				values (:name, :key, :public, :created, :retired)
				on conflict (name, key_id) do nothing
				""")
			.param("name", name.code())
			.param("key", keyId)
			.param("public", publicKey)
			.param("created", Timestamp.from(createdAt))
			.param("retired", Timestamp.from(retiredAt))
			.update();
	}

	private static Row row(ResultSet row, int rowNum) throws SQLException {
		Timestamp retired = row.getTimestamp("retired_at");
		return new Row(KeyName.ofCode(row.getString("name")).orElseThrow(), row.getString("key_id"),
				row.getString("public_key"), row.getBytes("private_key"), row.getTimestamp("created_at").toInstant(),
				(retired != null) ? retired.toInstant() : null);
	}

	/**
	 * A stored key.
	 *
	 * @param wrappedPrivateKey under the key-encryption key; null for a key that only
	 * verifies
	 */
	record Row(KeyName name, String keyId, String publicKey, byte[] wrappedPrivateKey, Instant createdAt,
			Instant retiredAt) {
	}

}
