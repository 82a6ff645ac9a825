package org.onevisit.licences.internal.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.Merkle;
import org.onevisit.transparency.tlog.SignedNote;
import org.onevisit.transparency.tlog.TreeHash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licences through HTTP as holders, departments and outside verifiers meet them, and a
 * verification that uses nothing but the format in {@code docs/licences.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LicenceApiTests {

	/** 李四's sale to 张三 of a flat he bought, as the API takes it. */
	static final String RESALE = """
			{"bundleCode":"flat-transfer","applicant":{"residentId":"339903199007180029"},
			 "form":{"sellerId":"339903199007180029","sellerName":"李四","buyerId":"339902198503120016",
			         "buyerName":"张三","certificateNo":"%s",
			         "address":"%s","price":1300000,"paymentMethod":"一次性付款"}}
			""";

	@Autowired
	OneVisitServer server;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp http;

	/**
	 * 张三 and 王芳 sell a flat of theirs to 李四; the buyer confirms, every department
	 * approves, the seller pays, the registry records the transfer: the buyer
	 * (applicant2, 李四) finds the property certificate in their wallet.
	 */
	JsonNode certificateOfApprovedTransfer() throws InterruptedException {
		Matters matters = this.server.matters(this.http);
		return certificateOf(matters.payThroughTheSimulator(matters.approveAll(matters.fileFlatTransfer())),
				"applicant2");
	}

	/** The licence the holder finds for the matter once its results are produced. */
	JsonNode certificateOf(JsonNode application, String holder) throws InterruptedException {
		String tracking = application.path("trackingNo").asString();
		String token = this.http.bearer(holder);
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (JsonNode licence : OneVisitHttp.json(this.http.get("/api/v1/licences", "Authorization", token))) {
				if (licence.path("trackingNo").asString().equals(tracking)) {
					return licence;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no licence issued for " + tracking + ": "
				+ this.http.get("/api/v1/licences", "Authorization", token).body());
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
	void verifyingALicenceProvesItIsRecordedInThePublicLogAndThePageSaysAtWhichEntry() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		String document = licence.path("document").toString();

		JsonNode log = awaitLogEntry(document);
		long index = log.path("index").asLong();
		byte[] entry = Base64.getDecoder().decode(log.path("entry").asString());
		Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(log.path("checkpoint").asString()).text());
		List<byte[]> proof = new ArrayList<>();
		log.path("proof").forEach((hash) -> proof.add(Base64.getDecoder().decode(hash.asString())));
		String page = this.http.get("/verify/licences/" + licence.path("id").asString()).body();

		assertThat(LogEntry.decode(entry).kind()).isEqualTo(LogEntry.Kind.LICENCE_ISSUED);
		assertThat(LogEntry.decode(entry).reference()).isEqualTo("licence/" + licence.path("id").asString());
		assertThat(Merkle.verifyInclusion(index, checkpoint.size(), TreeHash.leaf(entry), proof, checkpoint.root()))
			.isTrue();
		assertThat(page).contains("本证照已记录在公开透明日志的第 " + index + " 条");
	}

	private JsonNode awaitLogEntry(String document) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			JsonNode log = OneVisitHttp.json(this.http.postJson("/api/v1/licences/verify", document)).path("log");
			if (!log.isMissingNode() && !log.isNull()) {
				return log;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no signed checkpoint covered the licence within 30 s");
	}

	@Test
	void aForgedTextNamingAMemberTwiceIsInvalidThoughItsLastValuesAreTheSignedOnes() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		String document = licence.path("document").toString();
		String first = licence.path("document").propertyNames().iterator().next();
		// a reader sees the forged value first; a parser that keeps the last member
		// would check the signed one and say "valid"
		String forged = document.replaceFirst("^\\{", "{\"" + first + "\":\"王五\",");

		JsonNode api = OneVisitHttp.json(this.http.postJson("/api/v1/licences/verify", forged));
		assertThat(api.path("valid").asBoolean()).isFalse();
		assertThat(api.path("reason").asString()).isEqualTo("malformed");

		String token = OneVisitHttp.csrfTokenOf(this.http.get("/verify").body());
		HttpResponse<String> page = this.http.postForm("/verify", "document="
				+ java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + token);
		assertThat(page.body()).doesNotContain("证照真实有效");
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

		assertThat(
				this.http.get("/api/v1/licences/" + id, "Authorization", this.http.bearer("reviewer-tax")).statusCode())
			.isEqualTo(404);
		assertThat(
				this.http.get("/api/v1/licences/" + id, "Authorization", this.http.bearer("applicant2")).statusCode())
			.isEqualTo(200);
		assertThat(this.http.get("/api/v1/licences/" + id).statusCode()).isEqualTo(401);

		HttpResponse<String> foreign = this.http.postJson("/api/v1/licences/" + id + "/revocation",
				"{\"reason\":\"不该由我撤销\"}", "Authorization", this.http.bearer("reviewer-tax"));
		assertThat(foreign.statusCode()).isEqualTo(404);
		HttpResponse<String> blank = this.http.postJson("/api/v1/licences/" + id + "/revocation", "{\"reason\":\" \"}",
				"Authorization", this.http.bearer("reviewer-nr"));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(blank).path("code").asString()).isEqualTo("revocation_reason_required");

		HttpResponse<String> revoked = this.http.postJson("/api/v1/licences/" + id + "/revocation",
				"{\"reason\":\"房屋已被依法查封，登记错误\"}", "Authorization", this.http.bearer("reviewer-nr"));
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

	@Test
	void theCertificateAndItsVerificationPageShowTheCertificateNumberNotTheInternalId() throws Exception {
		JsonNode licence = certificateOfApprovedTransfer();
		String id = licence.path("id").asString();
		// the number the property registry assigned when it recorded the transfer
		String number = licence.path("number").asString();
		assertThat(number).matches("浙\\(\\d{4}\\)示范市不动产权第\\d{7}号");
		this.http.logIn("applicant2", "onevisit-demo");

		String certificate = this.http.get("/licences/" + id).body();
		String verification = this.server.http().get("/verify/licences/" + id).body();

		assertThat(org.jsoup.Jsoup.parse(certificate).select(".legal-number").text()).isEqualTo(number);
		assertThat(org.jsoup.Jsoup.parse(certificate).select(".certificate-fields").text()).contains(number)
			.contains("89.50 m²")
			.doesNotContain(id);
		assertThat(org.jsoup.Jsoup.parse(verification).select(".legal-number").text()).isEqualTo(number);
		assertThat(org.jsoup.Jsoup.parse(verification).select(".verification").text()).doesNotContain(id);
	}

	@Test
	void verifyingASupersededCertificateNamesItsSuccessorOnThePageAndInTheApi() throws Exception {
		JsonNode old = certificateOfApprovedTransfer();
		String oldNumber = old.path("number").asString();
		// 李四 sells on the flat he bought, to 张三, who confirms; the registry cancels
		// 李四's certificate and issues 张三's
		this.server.registries().fileSaleContract(oldNumber, Matters.SELLER, 1_300_000);
		String address = old.path("fields").path("location").asString();
		HttpResponse<String> filed = this.http.postJson("/api/v1/applications", RESALE.formatted(oldNumber, address),
				"Authorization", this.http.bearer("applicant2"), "Idempotency-Key", UUID.randomUUID().toString());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		Matters matters = this.server.matters(this.http);
		JsonNode resold = matters.payThroughTheSimulator(
				matters.approveAll(matters.confirmAsParties(OneVisitHttp.json(filed))), "applicant2");
		JsonNode successor = certificateOf(resold, "applicant1");
		String newNumber = successor.path("number").asString();
		assertThat(this.server.registries().certificate(oldNumber)).hasValueSatisfying((cancelled) -> {
			assertThat(cancelled.status()).isEqualTo("已注销");
			assertThat(cancelled.successor()).isEqualTo(newNumber);
		});

		JsonNode answer = OneVisitHttp
			.json(this.http.postJson("/api/v1/licences/verify", old.path("document").toString()));
		assertThat(answer.path("valid").asBoolean()).isFalse();
		assertThat(answer.path("reason").asString()).isEqualTo("superseded");
		assertThat(answer.path("number").asString()).isEqualTo(oldNumber);
		assertThat(answer.path("supersededBy").asString()).isEqualTo(successor.path("id").asString());
		assertThat(answer.path("successorNumber").asString()).isEqualTo(newNumber);
		assertThat(answer.path("revocationReason").asString()).isEqualTo("已换发");
		String page = this.http.get("/verify/licences/" + old.path("id").asString()).body();
		assertThat(org.jsoup.Jsoup.parse(page).select(".verification").text()).contains("该证照已换发，被新证照取代。")
			.contains("已换发，由 " + newNumber + " 取代");
		assertThat(page).contains("/verify/licences/" + successor.path("id").asString());
	}

}
