package org.onevisit.signing.internal;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.shared.SigningKey;
import org.onevisit.signing.KeyEncryptionKey;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.Signer;
import org.onevisit.signing.SigningKeys;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OneVisit's own keys: SM2 signatures any SM2 verifier checks, private keys that open
 * only under the key-encryption key, rotation with overlap, and the plain key files of
 * older data directories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningIntegrationTests {

	private static final byte[] CONTENT = "{\"licence\":\"营业执照\"}".getBytes(StandardCharsets.UTF_8);

	@Autowired
	OneVisitServer server;

	@Autowired
	Signer signer;

	@Autowired
	SigningKeys keys;

	@Autowired
	StoredKeys store;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Value("${onevisit.data-dir}")
	Path dataDirectory;

	@Test
	void signsAndVerifiesWithTheLibrarysSm2() throws Exception {
		Signer.Signed signed = this.signer.sign(KeyName.WEBHOOKS, CONTENT);

		// an outside verifier: the published SubjectPublicKeyInfo, BouncyCastle's own
		// SM2Signer with the default signer id, nothing of OneVisit's
		JsonNode published = published(KeyName.WEBHOOKS, signed.keyId());
		SM2Signer outside = new SM2Signer();
		outside.init(false,
				new ParametersWithID(
						PublicKeyFactory
							.createKey(Base64.getDecoder().decode(published.path("subjectPublicKeyInfo").asString())),
						"1234567812345678".getBytes(StandardCharsets.US_ASCII)));
		outside.update(CONTENT, 0, CONTENT.length);
		assertThat(outside.verifySignature(signed.signature())).isTrue();
		assertThat(published.path("status").asString()).isEqualTo("signing");
		assertThat(published.path("algorithm").asString()).isEqualTo("SM2-SM3");

		outside.init(false,
				new ParametersWithID(
						PublicKeyFactory
							.createKey(Base64.getDecoder().decode(published.path("subjectPublicKeyInfo").asString())),
						"1234567812345678".getBytes(StandardCharsets.US_ASCII)));
		byte[] altered = "{\"licence\":\"营业执照 \"}".getBytes(StandardCharsets.UTF_8);
		outside.update(altered, 0, altered.length);
		assertThat(outside.verifySignature(signed.signature())).isFalse();
		assertThat(this.keys.verifies(KeyName.WEBHOOKS, signed.keyId(), CONTENT, signed.signature())).isTrue();
		assertThat(this.keys.verifies(KeyName.LICENCES, signed.keyId(), CONTENT, signed.signature()))
			.as("a key of one name is not one of another")
			.isFalse();
	}

	@Test
	void aKeyCopiedWithoutTheKekSignsNothing() {
		Signer.Signed signed = this.signer.sign(KeyName.EXCHANGE, CONTENT);
		StoredKeys.Row row = this.store.signing(KeyName.EXCHANGE).orElseThrow();
		byte[] scalar = this.kek.unwrap(row.wrappedPrivateKey(), SoftwareKeys.purpose(KeyName.EXCHANGE, row.keyId()));
		assertThat(SigningKey.ofPrivate(scalar).id()).isEqualTo(signed.keyId());

		// what a copy of the database holds is no private key as it stands
		assertThat(containsBytes(row.wrappedPrivateKey(), scalar)).isFalse();
		assertThat(HexFormat.of().formatHex(row.wrappedPrivateKey()))
			.doesNotContain(new BigInteger(1, scalar).toString(16));
		// and no file of the data directory holds one in clear
		assertThat(plainKeyFiles()).isEmpty();

		// the same rows opened under another key-encryption key: the start fails, nothing
		// signs
		KeyEncryptionKey another = KeyEncryptionKey.generate();
		assertThatThrownBy(() -> new SoftwareKeys(this.store, another,
				new LegacyKeyFiles(this.dataDirectory, this.store, this.clock), this.clock, Duration.ofSeconds(30)))
			.isInstanceOf(SoftwareKeys.KeyDoesNotOpen.class)
			.hasMessageContaining("ONEVISIT_KEK")
			.hasMessageContaining("onevisit.keys.kek-file");
		// nor does a wrapped key moved to another key's row: it is bound to its own
		assertThatThrownBy(
				() -> this.kek.unwrap(row.wrappedPrivateKey(), SoftwareKeys.purpose(KeyName.LICENCES, row.keyId())))
			.isInstanceOf(org.onevisit.shared.Sm4Gcm.SealBroken.class);
	}

	@Test
	void oldSignaturesStillVerifyAfterRotation() {
		Signer.Signed before = this.signer.sign(KeyName.PAYMENTS, CONTENT);

		OneVisitHttp http = this.server.http();
		String admin = "Bearer " + http.bearerToken("admin1", "onevisit-demo");
		HttpResponse<String> rotated = http.post("/api/v1/admin/keys/payments/rotation", "application/json", "",
				"Authorization", admin);
		assertThat(rotated.statusCode()).isEqualTo(201);
		String newKey = OneVisitHttp.json(rotated).path("keyId").asString();
		Signer.Signed after = this.signer.sign(KeyName.PAYMENTS, CONTENT);

		assertThat(after.keyId()).isEqualTo(newKey).isNotEqualTo(before.keyId());
		assertThat(this.keys.verifies(KeyName.PAYMENTS, before.keyId(), CONTENT, before.signature())).isTrue();
		assertThat(this.keys.verifies(KeyName.PAYMENTS, after.keyId(), CONTENT, after.signature())).isTrue();
		assertThat(this.keys.verifies(KeyName.PAYMENTS, after.keyId(), CONTENT, before.signature())).isFalse();
		assertThat(published(KeyName.PAYMENTS, newKey).path("status").asString()).isEqualTo("signing");
		assertThat(published(KeyName.PAYMENTS, before.keyId()).path("status").asString()).isEqualTo("verifying");
		assertThat(OneVisitHttp.json(http.get("/api/v1/keys/payments")).get(0).path("keyId").asString())
			.as("the key that signs comes first")
			.isEqualTo(newKey);

		// an applicant rotates nothing; an unknown name is a problem, not a 500
		String applicant = "Bearer " + http.bearerToken("applicant1", "onevisit-demo");
		assertThat(http.post("/api/v1/admin/keys/payments/rotation", "application/json", "", "Authorization", applicant)
			.statusCode()).isEqualTo(403);
		HttpResponse<String> unknown = http.post("/api/v1/admin/keys/passports/rotation", "application/json", "",
				"Authorization", admin);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(OneVisitHttp.json(unknown).path("code").asString()).isEqualTo("signing_key_name_unknown");
		assertThat(this.signer.sign(KeyName.PAYMENTS, CONTENT).keyId()).isEqualTo(newKey);
	}

	@Test
	void aRotationOnAnotherInstanceSignsHereOnceTheRefreshHasPassed() {
		SoftwareKeys other = new SoftwareKeys(this.store, this.kek,
				new LegacyKeyFiles(this.dataDirectory, this.store, this.clock), this.clock, Duration.ZERO);
		String before = this.signer.sign(KeyName.WEBHOOKS, CONTENT).keyId();

		String rotated = this.keys.rotate(KeyName.WEBHOOKS).keyId();

		assertThat(rotated).isNotEqualTo(before);
		assertThat(other.sign(KeyName.WEBHOOKS, CONTENT).keyId()).isEqualTo(rotated);
		assertThat(other.key(KeyName.WEBHOOKS, before)).isPresent();
	}

	@Test
	void oldPlainKeyFilesAreDeletedAndTheirPublicKeysOnlyVerify(@TempDir Path olderData) throws Exception {
		SigningKey licenceKey = SigningKey.generate();
		SigningKey exchangeKey = SigningKey.generate();
		SigningKey cashierKey = SigningKey.generate();
		write(olderData.resolve("keys/licences/001764000000000-" + licenceKey.id() + ".key"), licenceKey);
		write(olderData.resolve("keys/exchange/platform.key"), exchangeKey);
		write(olderData.resolve("keys/payments/simulated-cashier.key"), cashierKey);
		write(olderData.resolve("keys/registries/population.key"), SigningKey.generate());
		byte[] licence = "{\"id\":\"old\"}".getBytes(StandardCharsets.UTF_8);
		byte[] licenceSignature = licenceKey.sign(licence);
		byte[] checkpointSignature = exchangeKey.sign(CONTENT);

		SoftwareKeys restarted = new SoftwareKeys(this.store, this.kek,
				new LegacyKeyFiles(olderData, this.store, this.clock), this.clock, Duration.ZERO);

		try (Stream<Path> left = Files.walk(olderData)) {
			assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
		}
		assertThat(restarted.verifies(KeyName.LICENCES, licenceKey.id(), licence, licenceSignature)).isTrue();
		assertThat(restarted.verifies(KeyName.LEDGER, exchangeKey.id(), CONTENT, checkpointSignature)).isTrue();
		assertThat(restarted.verifies(KeyName.EXCHANGE, exchangeKey.id(), CONTENT, checkpointSignature)).isTrue();
		assertThat(restarted.key(KeyName.PAYMENTS, cashierKey.id())).as("not OneVisit's key").isEmpty();
		// a key that lay in clear signs nothing again
		assertThat(restarted.sign(KeyName.LICENCES, licence).keyId()).isNotEqualTo(licenceKey.id());
		assertThat(restarted.sign(KeyName.EXCHANGE, CONTENT).keyId()).isNotEqualTo(exchangeKey.id());
		assertThat(this.keys.keys(KeyName.LICENCES)).filteredOn((key) -> key.keyId().equals(licenceKey.id()))
			.singleElement()
			.satisfies((key) -> assertThat(key.signs()).isFalse());
		assertThat(this.jdbc.sql("select private_key from signing_key where key_id = :key")
			.param("key", licenceKey.id())
			.query((row, n) -> row.getBytes(1))
			.list()).containsOnlyNulls();
	}

	private JsonNode published(KeyName name, String keyId) {
		JsonNode all = OneVisitHttp.json(this.server.http().get("/api/v1/keys"));
		for (JsonNode key : all) {
			if (key.path("name").asString().equals(name.code()) && key.path("keyId").asString().equals(keyId)) {
				return key;
			}
		}
		throw new AssertionError("key " + name.code() + "/" + keyId + " is not published: " + all);
	}

	private List<Path> plainKeyFiles() {
		if (!Files.isDirectory(this.dataDirectory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(this.dataDirectory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".key")).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void write(Path file, SigningKey key) throws Exception {
		Files.createDirectories(file.getParent());
		Files.writeString(file, new BigInteger(1, key.privateScalar()).toString(16) + "\n");
	}

	private static boolean containsBytes(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			boolean match = true;
			for (int j = 0; j < needle.length && match; j++) {
				match = haystack[i + j] == needle[j];
			}
			if (match) {
				return true;
			}
		}
		return false;
	}

}
