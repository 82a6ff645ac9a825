package org.onevisit.licences.internal.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.registries.RegistryControl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licences through HTTP as holders, departments and outside verifiers meet them, and a
 * verification that uses nothing but the format in {@code docs/licences.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LicenceApiTests {

	// a flat per address a test writes: the same address names the same flat
	private final java.util.Map<String, RegistryControl.Flat> flats = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The API body of the seller's flat transfer of a new flat of his, as the applicant
	 * wrote its address: within a test, the same address is the same flat.
	 */
	String flatTransfer(String address) {
		return Matters.flatTransfer(
				this.flats.computeIfAbsent(address, (written) -> Matters.mintFlat(this.registries)).certificateNo(),
				address);
	}

	@LocalServerPort
	int port;

	@Autowired
	RegistryControl registries;

	OneVisitHttp http;

	@BeforeEach
	void client() {
		this.http = new OneVisitHttp(this.port);
	}

	String bearer(String username) {
		return "Bearer " + this.http.bearerToken(username, "onevisit-demo");
	}

	/**
	 * The seller files the flat transfer, the three departments approve, and the buyer
	 * (applicant2, 李四) finds the property certificate in their wallet.
	 */
	JsonNode certificateOfApprovedTransfer() throws InterruptedException {
		String address = "东湖区核验路" + UUID.randomUUID().toString().substring(0, 6) + "号";
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications", flatTransfer(address), "Authorization",
				bearer("applicant1"), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).isEqualTo(201);
		// the buyer confirms the sale first
		JsonNode application = new Matters(this.http).confirmAsParties(OneVisitHttp.json(filed));
		for (JsonNode task : application.path("tasks")) {
			String department = task.path("department").asString();
			String reviewer = bearer("reviewer-" + department);
			int steps = department.equals("nr") ? 3 : 1;
			for (int step = 0; step < steps; step++) {
				HttpResponse<String> decided = this.http.postJson(
						"/api/v1/tasks/" + task.path("id").asString() + "/decisions", "{\"decision\":\"APPROVE\"}",
						"Authorization", reviewer);
				assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
			}
		}
		String buyer = bearer("applicant2");
		String tracking = application.path("trackingNo").asString();
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (JsonNode licence : OneVisitHttp.json(this.http.get("/api/v1/licences", "Authorization", buyer))) {
				if (licence.path("trackingNo").asString().equals(tracking)) {
					return licence;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no licence issued for " + tracking + ": "
				+ this.http.get("/api/v1/licences", "Authorization", buyer).body());
	}

	@Test
	void theBuyerHoldsTheCertificateAndAnyoneCanVerifyItWithoutSigningIn() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		assertThat(licence.path("type").asString()).isEqualTo("不动产权证书");
		assertThat(licence.path("holder").asString()).isEqualTo("339903199007180029");
		String document = licence.path("document").toString();

		HttpResponse<String> verified = this.http.postJson("/api/v1/licences/verify", document);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(verified).path("valid").asBoolean()).isTrue();

		String tampered = document.replace("李四", "王五");
		JsonNode refused = OneVisitHttp.json(this.http.postJson("/api/v1/licences/verify", tampered));
		assertThat(refused.path("valid").asBoolean()).isFalse();
		assertThat(refused.path("reason").asString()).isEqualTo("signature_mismatch");

		HttpResponse<String> page = this.http.get("/verify/licences/" + licence.path("id").asString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("证照真实有效").contains("不动产权证书").doesNotContain("339903199007180029");
	}

	@Test
	void thePublishedKeyVerifiesALicenceUsingOnlyTheDocumentedFormat() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		JsonNode document = licence.path("document");
		HttpResponse<String> keysResponse = this.http.get("/api/v1/licences/keys");
		assertThat(keysResponse.statusCode()).isEqualTo(200);
		String keyId = document.path("proof").path("keyId").asString();
		JsonNode key = null;
		for (JsonNode candidate : OneVisitHttp.json(keysResponse)) {
			if (candidate.path("keyId").asString().equals(keyId)) {
				key = candidate;
			}
		}
		assertThat(key).as("the signing key is published").isNotNull();

		// docs/licences.md: drop proof.signature, write the rest as JCS (sorted members,
		// no white space), UTF-8; SM2 over SM3 with the default user id, DER, Base64
		JsonMapper jcs = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
		@SuppressWarnings("unchecked")
		Map<String, Object> content = jcs.convertValue(document, TreeMap.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> proof = new TreeMap<>((Map<String, Object>) content.get("proof"));
		byte[] signature = Base64.getDecoder().decode((String) proof.remove("signature"));
		content.put("proof", proof);
		byte[] signingInput = jcs.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);

		PublicKey publicKey = KeyFactory.getInstance("EC", new BouncyCastleProvider())
			.generatePublic(
					new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("subjectPublicKeyInfo").asString())));
		Signature sm2 = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
		sm2.initVerify(publicKey);
		sm2.update(signingInput);
		assertThat(sm2.verify(signature)).isTrue();

		sm2.initVerify(publicKey);
		sm2.update(
				new String(signingInput, StandardCharsets.UTF_8).replace("李四", "王五").getBytes(StandardCharsets.UTF_8));
		assertThat(sm2.verify(signature)).isFalse();
	}

	@Test
	void onlyTheIssuingDepartmentRevokesAndNobodyElseSeesTheLicence() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		String id = licence.path("id").asString();

		assertThat(this.http.get("/api/v1/licences/" + id, "Authorization", bearer("reviewer-tax")).statusCode())
			.isEqualTo(404);
		assertThat(this.http.get("/api/v1/licences/" + id, "Authorization", bearer("applicant2")).statusCode())
			.isEqualTo(200);
		assertThat(this.http.get("/api/v1/licences/" + id).statusCode()).isEqualTo(401);

		HttpResponse<String> foreign = this.http.postJson("/api/v1/licences/" + id + "/revocation",
				"{\"reason\":\"不该由我撤销\"}", "Authorization", bearer("reviewer-tax"));
		assertThat(foreign.statusCode()).isEqualTo(404);
		HttpResponse<String> blank = this.http.postJson("/api/v1/licences/" + id + "/revocation", "{\"reason\":\" \"}",
				"Authorization", bearer("reviewer-nr"));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(blank).path("code").asString()).isEqualTo("revocation_reason_required");

		HttpResponse<String> revoked = this.http.postJson("/api/v1/licences/" + id + "/revocation",
				"{\"reason\":\"房屋已被依法查封，登记错误\"}", "Authorization", bearer("reviewer-nr"));
		assertThat(revoked.statusCode()).isEqualTo(200);
		JsonNode answer = OneVisitHttp
			.json(this.http.postJson("/api/v1/licences/verify", licence.path("document").toString()));
		assertThat(answer.path("reason").asString()).isEqualTo("revoked");
		assertThat(answer.path("revocationReason").asString()).isEqualTo("房屋已被依法查封，登记错误");
	}

	@Test
	void theHolderSeesThePrintableCertificateWithAQrCodeToItsVerificationPage() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		String id = licence.path("id").asString();
		this.http.logIn("applicant2", "onevisit-demo");

		HttpResponse<String> wallet = this.http.get("/my/licences");
		assertThat(wallet.body()).contains("/licences/" + id);
		HttpResponse<String> certificate = this.http.get("/licences/" + id);
		assertThat(certificate.statusCode()).isEqualTo(200);
		assertThat(certificate.body()).contains("<svg").contains("/verify/licences/" + id).contains("李四");
	}

}
