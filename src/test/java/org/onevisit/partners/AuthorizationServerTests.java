package org.onevisit.partners;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.Partners;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OneVisit as an authorization server: discovery and the key set published, partners'
 * client-credentials tokens signed ES256 and accepted by the API beside OneVisit's own
 * opaque tokens, suspension and secret rotation from the administrator's page, and a
 * department system signing a reviewer in with authorization code and PKCE (over HTTP, as
 * a browser would follow the redirects).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationServerTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishesDiscoveryAndAnEllipticCurveKeySetWithoutThePrivateHalf() throws Exception {
		OneVisitHttp anyone = this.server.http();
		HttpResponse<String> discovery = anyone.get("/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		JsonNode metadata = OneVisitHttp.json(discovery);
		assertThat(metadata.path("token_endpoint").asString()).endsWith("/oauth2/token");
		assertThat(metadata.path("jwks_uri").asString()).endsWith("/oauth2/jwks");
		assertThat(metadata.path("id_token_signing_alg_values_supported").toString()).contains("ES256");
		JWKSet keys = JWKSet.parse(anyone.get("/oauth2/jwks").body());
		assertThat(keys.getKeys()).isNotEmpty();
		ECKey key = keys.getKeys().get(0).toECKey();
		assertThat(key.getCurve().getName()).isEqualTo("P-256");
		assertThat(key.isPrivate()).isFalse();
		// stored wrapped: the column holds no DER private key in the clear
		byte[] stored = this.jdbc.sql("select wrapped_private_key from partners_token_key where kid = :kid")
			.param("kid", key.getKeyID())
			.query(byte[].class)
			.single();
		assertThat(stored).isNotEmpty();
		assertThat(stored[0]).isNotEqualTo((byte) 0x30);
	}

	@Test
	void aPartnersTokenIsSignedAndReachesOnlyPartnerEndpointsWhileOpaqueTokensKeepWorking() throws Exception {
		OneVisitHttp admin = admin();
		Partners.Client client = register(admin, "name=" + encode("示范银行") + "&kind=BANK&groups=nr&groups=tax");
		String token = new Partners(this.server.port()).token(client, "file:nr file:tax");
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		JWKSet keys = JWKSet.parse(this.server.http().get("/oauth2/jwks").body());
		ECKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
		assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(client.clientId());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("partner_kind")).isEqualTo("BANK");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).containsExactlyInAnyOrder("file:nr", "file:tax");
		// a scope the partner is not registered for is not granted
		assertThat(this.server.http()
			.postForm("/oauth2/token", "grant_type=client_credentials&scope=file:police", "Authorization",
					client.basic())
			.statusCode()).isEqualTo(400);

		OneVisitHttp partner = this.server.http();
		// deny by default: nothing made for applicants or staff
		assertThat(partner.get("/api/v1/applications", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
		assertThat(partner.get("/api/v1/security-log", "Authorization", "Bearer " + token).statusCode()).isEqualTo(403);
		// a forged token (signature of another key) is refused as unauthenticated
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";
		HttpResponse<String> refused = partner.get("/api/v1/partner/mandates", "Authorization", "Bearer " + forged);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		// OneVisit's own opaque tokens go on working as before (ADR 2)
		OneVisitHttp applicant = this.server.http();
		String opaque = applicant.bearerToken("applicant1", "onevisit-demo");
		assertThat(applicant.get("/api/v1/applications", "Authorization", "Bearer " + opaque).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aSuspendedPartnerGetsNoTokenAndItsTokensStopWorkingAndARotatedSecretReplacesTheOld() {
		OneVisitHttp admin = admin();
		Partners.Client client = register(admin, "name=" + encode("示范中介") + "&kind=AGENCY&groups=nr");
		String token = new Partners(this.server.port()).token(client, "file:nr");
		OneVisitHttp partner = this.server.http();
		assertThat(partner.get("/api/v1/partner/mandates", "Authorization", "Bearer " + token).statusCode())
			.isNotIn(401, 403);

		post(admin, "/admin/partners/" + client.clientId() + "/suspension", "");
		assertThat(partner.get("/api/v1/partner/mandates", "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(401);
		assertThat(tokenResponse(client).statusCode()).isEqualTo(401);

		post(admin, "/admin/partners/" + client.clientId() + "/reinstatement", "");
		Partners.Client rotated = credentialsOn(post(admin, "/admin/partners/" + client.clientId() + "/secret", ""));
		assertThat(rotated.secret()).isNotEqualTo(client.secret());
		assertThat(tokenResponse(client).statusCode()).isEqualTo(401);
		assertThat(tokenResponse(rotated).statusCode()).isEqualTo(200);

		// every change by the administrator is on the security log, with no secret
		List<String> changes = this.jdbc
			.sql("select detail from audit_security_event where kind = 'CONFIGURATION_CHANGED' and subject = :subject "
					+ "order by id")
			.param("subject", "partner " + client.clientId())
			.query(String.class)
			.list();
		assertThat(changes).containsExactly("registered AGENCY", "suspended", "reinstated", "secret rotated");
		String secretHash = this.jdbc.sql("select client_secret from oauth2_registered_client where client_id = :id")
			.param("id", client.clientId())
			.query(String.class)
			.single();
		assertThat(secretHash).startsWith("{bcrypt}").doesNotContain(rotated.secret());
	}

	@Test
	void aDepartmentSystemSignsAReviewerInWithAuthorizationCodeAndPkce() throws Exception {
		OneVisitHttp admin = admin();
		String callback = "http://localhost:9/callback";
		Partners.Client system = register(admin,
				"name=" + encode("不动产登记业务系统") + "&kind=DEPARTMENT_SYSTEM&redirectUri=" + encode(callback));
		String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String authorize = "/oauth2/authorize?response_type=code&client_id=" + system.clientId() + "&redirect_uri="
				+ encode(callback) + "&scope=openid%20profile&state=s1&code_challenge=" + challenge
				+ "&code_challenge_method=S256";

		OneVisitHttp browser = this.server.http();
		HttpResponse<String> first = browser.get(authorize);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		// password and second factor, then back to the authorization request
		HttpResponse<String> signedIn = browser.logIn("reviewer-nr", "onevisit-demo");
		// back to the authorization request by a new navigation, not the form's redirect
		// (the pages' form-action policy would stop a browser at the system's address)
		assertThat(signedIn.statusCode()).isEqualTo(200);
		URI continued = URI.create(signedIn.headers().firstValue("Refresh").orElseThrow().replaceFirst("^0;url=", ""));
		assertThat(Jsoup.parse(signedIn.body()).selectFirst("a#continue").attr("href")).isEqualTo(continued.toString());
		String back = continued.getRawPath() + "?" + continued.getRawQuery();
		assertThat(back).startsWith("/oauth2/authorize");
		HttpResponse<String> granted = browser.get(back);
		assertThat(granted.statusCode()).isEqualTo(302);
		URI redirected = URI.create(granted.headers().firstValue("Location").orElseThrow());
		assertThat(redirected.toString()).startsWith(callback);
		Map<String, String> answer = query(redirected.getRawQuery());
		assertThat(answer).containsEntry("state", "s1").containsKey("code");

		OneVisitHttp departmentSystem = this.server.http();
		String basic = system.basic();
		// without the verifier the code is worth nothing
		assertThat(
				departmentSystem
					.postForm("/oauth2/token",
							"grant_type=authorization_code&code=" + answer.get("code") + "&redirect_uri="
									+ encode(callback),
							"Authorization", basic)
					.statusCode())
			.isEqualTo(400);
		HttpResponse<String> tokens = departmentSystem.postForm("/oauth2/token", "grant_type=authorization_code&code="
				+ answer.get("code") + "&redirect_uri=" + encode(callback) + "&code_verifier=" + verifier,
				"Authorization", basic);
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		SignedJWT idToken = SignedJWT.parse(OneVisitHttp.json(tokens).path("id_token").asString());
		JWKSet keys = JWKSet.parse(departmentSystem.get("/oauth2/jwks").body());
		assertThat(idToken.verify(new ECDSAVerifier(keys.getKeyByKeyId(idToken.getHeader().getKeyID()).toECKey())))
			.isTrue();
		assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("reviewer-nr");
		assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly(system.clientId());
		assertThat(idToken.getJWTClaimsSet().getStringClaim("department")).isEqualTo("nr");
		assertThat(idToken.getJWTClaimsSet().getStringListClaim("roles")).contains("REVIEWER");
		// a user access token is no partner token: the partner API refuses it
		String access = OneVisitHttp.json(tokens).path("access_token").asString();
		assertThat(departmentSystem.get("/api/v1/partner/mandates", "Authorization", "Bearer " + access).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anApplicantCannotSignInToADepartmentSystem() {
		OneVisitHttp admin = admin();
		String callback = "http://localhost:9/cb";
		Partners.Client system = register(admin,
				"name=" + encode("税务业务系统") + "&kind=DEPARTMENT_SYSTEM&redirectUri=" + encode(callback));
		OneVisitHttp browser = this.server.signedIn("applicant1");
		HttpResponse<String> refused = browser.get("/oauth2/authorize?response_type=code&client_id=" + system.clientId()
				+ "&redirect_uri=" + encode(callback)
				+ "&scope=openid&state=s&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=S256");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
	}

	private OneVisitHttp admin() {
		OneVisitHttp admin = this.server.signedIn("admin1");
		return admin;
	}

	private Partners.Client register(OneVisitHttp admin, String form) {
		return credentialsOn(post(admin, "/admin/partners", form));
	}

	/** Posts the form and answers the page the administrator is sent back to. */
	private Document post(OneVisitHttp admin, String path, String form) {
		String csrf = OneVisitHttp.csrfTokenOf(admin.get("/admin/partners").body());
		HttpResponse<String> posted = admin.postForm(path, form + (form.isEmpty() ? "" : "&") + "_csrf=" + csrf);
		// a new secret is shown on the answer to the post itself, anything else after a
		// redirect
		assertThat(posted.statusCode()).isIn(200, 302);
		HttpResponse<String> page = (posted.statusCode() == 200) ? posted : admin.get("/admin/partners");
		Document document = Jsoup.parse(page.body());
		assertThat(document.select("[role=alert]")).isEmpty();
		return document;
	}

	private static Partners.Client credentialsOn(Document page) {
		return new Partners.Client(page.selectFirst("code.client-id").text(),
				page.selectFirst("code.client-secret").text());
	}

	private HttpResponse<String> tokenResponse(Partners.Client client) {
		return this.server.http()
			.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization", client.basic());
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : raw.split("&")) {
			String[] parts = pair.split("=", 2);
			values.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
