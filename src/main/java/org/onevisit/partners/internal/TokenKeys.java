package org.onevisit.partners.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys the authorization server signs its JWTs with: ES256 (P-256), since the JOSE
 * library has no SM2 (ADR 0013). The first start makes one; its private half is stored
 * wrapped under the key-encryption key, so a copy of the database alone signs nothing.
 * The newest key signs; every stored key stays in the published key set so that tokens
 * signed before a new key keep verifying.
 */
@Component
class TokenKeys implements JWKSource<SecurityContext> {

	static final String PURPOSE = "partners/token-signing";

	private final JdbcClient jdbc;

	private final KeyEncryptionKey kek;

	private final Clock clock;

	private volatile JWKSet keys;

	TokenKeys(JdbcClient jdbc, KeyEncryptionKey kek, Clock clock) {
		this.jdbc = jdbc;
		this.kek = kek;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		return selector.select(keys());
	}

	/** Every key, the signing one first. */
	JWKSet keys() {
		JWKSet loaded = this.keys;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.keys;
				if (loaded == null) {
					loaded = load();
					if (loaded.getKeys().isEmpty()) {
						create();
						loaded = load();
					}
					this.keys = loaded;
				}
			}
		}
		return loaded;
	}

	private JWKSet load() {
		return new JWKSet(this.jdbc
			.sql("select kid, public_key, wrapped_private_key from partners_token_key order by created_at desc, kid")
			.query((row, n) -> key(row.getString("kid"), row.getBytes("public_key"),
					row.getBytes("wrapped_private_key")))
			.list()
			.stream()
			.map(JWK.class::cast)
			.toList());
	}

	private ECKey key(String kid, byte[] publicKey, byte[] wrappedPrivateKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("EC");
			ECPublicKey publicHalf = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
			ECPrivateKey privateHalf = (ECPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(this.kek.unwrap(wrappedPrivateKey, PURPOSE)));
			return new ECKey.Builder(Curve.P_256, publicHalf).privateKey(privateHalf)
				.keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the token signing key " + kid + " cannot be read", ex);
		}
	}

	private void create() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair pair = generator.generateKeyPair();
			// nodes starting together may each make one; all are published, the newest
			// signs
			this.jdbc
				.sql("insert into partners_token_key (kid, public_key, wrapped_private_key, created_at) "
						+ "select :kid, :public, :private, :at where not exists (select 1 from partners_token_key)")
				.param("kid", "oauth-" + UUID.randomUUID())
				.param("public", pair.getPublic().getEncoded())
				.param("private", this.kek.wrap(pair.getPrivate().getEncoded(), PURPOSE))
				.param("at", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot make a token signing key", ex);
		}
	}

}
