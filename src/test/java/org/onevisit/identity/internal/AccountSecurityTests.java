package org.onevisit.identity.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.identity.AccountEvents.AccountEvent;
import org.onevisit.identity.AccountEvents.ApiTokenRevoked;
import org.onevisit.identity.AccountEvents.IdentityVerifiedAtWindow;
import org.onevisit.identity.AccountEvents.MobileVerified;
import org.onevisit.identity.AccountEvents.PasswordChanged;
import org.onevisit.identity.AccountEvents.PasswordRecovered;
import org.onevisit.identity.AccountEvents.RegistrationLimited;
import org.onevisit.messages.internal.SimulatedSmsGateway;
import org.onevisit.registries.RegistryControl.DataProblem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration in someone else's name, the mobile number's one-time code, password change
 * and recovery, and API tokens listed and revoked: as an attacker and as the person would
 * try them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AccountSecurityTests.Recorder.class)
class AccountSecurityTests {

	static final String PASSWORD = "long-enough-1";

	static final Pattern CODE = Pattern.compile("(\\d{6})");

	@Autowired
	OneVisitServer server;

	@Autowired
	SimulatedSmsGateway sms;

	@Autowired
	Recorder recorder;

	@Autowired
	org.onevisit.privacy.PersonalData personalData;

	/**
	 * The name OneVisit knows an account by that registered with its resident ID as
	 * username: the ID's blind index, so that the number is no actor in any table.
	 */
	String accountOf(String residentId) {
		return "rid:" + this.personalData.blindIndex(org.onevisit.shared.ResidentId.of(residentId));
	}

	/** What the security log would hear. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void account(AccountEvent event) {
			this.events.add(event);
		}

		@EventListener
		void success(AuthenticationSuccessEvent event) {
			this.events.add(event);
		}

		@EventListener
		void failure(AuthenticationFailureBadCredentialsEvent event) {
			this.events.add(event);
		}

	}

	HttpResponse<String> register(OneVisitHttp http, String residentId, String phone, String password) {
		String name = this.server.registries().nameOf(residentId).orElseThrow();
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/register").body());
		return http.postForm("/register",
				"name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&residentId=" + residentId + "&phone="
						+ phone + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&passwordAgain="
						+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
	}

	String resident(int index) {
		return this.server.registries().residentsWith(DataProblem.UNLINKED_PROPERTY).get(index);
	}

	String lastCodeTo(String mobile) {
		List<SimulatedSmsGateway.Sms> texts = this.sms.sentTo(mobile);
		assertThat(texts).as("texts to " + mobile).isNotEmpty();
		Matcher code = CODE.matcher(texts.get(texts.size() - 1).text());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	HttpResponse<String> postWithCsrf(OneVisitHttp http, String page, String path, String form) {
		String csrf = OneVisitHttp.csrfTokenOf(http.get(page).body());
		return http.postForm(path, form + "&_csrf=" + csrf);
	}

	String bearer(OneVisitHttp http, String username, String password) {
		return "Bearer " + http.bearerToken(username, password);
	}

	/** Registers with the registry's number and confirms it with the code sent there. */
	String registerVerified(int index) {
		String resident = resident(index);
		String mobile = this.server.registries().mobileOf(resident).orElseThrow();
		OneVisitHttp http = this.server.http();
		assertThat(register(http, resident, mobile, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/register/verify?id=" + resident));
		HttpResponse<String> verified = postWithCsrf(http, "/register/verify?id=" + resident, "/register/verify",
				"id=" + resident + "&code=" + lastCodeTo(mobile));
		assertThat(verified.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?verified"));
		return resident;
	}

	@Test
	void registrationAsSomeoneElseStaysLimited() {
		// an ID number and name read elsewhere, with the attacker's own phone
		String victim = resident(2);
		String attackersPhone = "17012345678";
		assertThat(this.server.registries().mobileOf(victim))
			.hasValueSatisfying((held) -> assertThat(held).isNotEqualTo(attackersPhone));
		OneVisitHttp attacker = this.server.http();

		HttpResponse<String> registered = register(attacker, victim, attackersPhone, PASSWORD);
		assertThat(registered.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?registered&limited"));
		assertThat(attacker.get("/login?registered&limited").body()).contains("账户暂时只能查看");
		// no code goes to the attacker's phone, and guessing one gets nowhere
		assertThat(this.sms.sentTo(attackersPhone)).isEmpty();
		HttpResponse<String> guessed = postWithCsrf(attacker, "/register/verify?id=" + victim, "/register/verify",
				"id=" + victim + "&code=123456");
		assertThat(guessed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/register/verify?id=" + victim));

		// the account reads, and files and confirms nothing
		String token = bearer(attacker, victim, PASSWORD);
		assertThat(OneVisitHttp.json(attacker.get("/api/v1/me", "Authorization", token))
			.path("identityVerified")
			.asBoolean()).isFalse();
		assertThat(attacker.get("/api/v1/applications", "Authorization", token).statusCode()).isEqualTo(200);
		HttpResponse<String> filing = attacker.postJson("/api/v1/applications",
				"{\"itemCode\":\"339900-NR-002\",\"form\":{}}", "Authorization", token);
		assertThat(filing.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(filing).path("code").asString()).isEqualTo("identity_unverified");
		assertThat(attacker
			.postJson("/api/v1/confirmations/" + java.util.UUID.randomUUID(), "{\"accept\":true}", "Authorization",
					token)
			.statusCode()).isEqualTo(403);
		OneVisitHttp page = this.server.http();
		page.logIn(victim, PASSWORD);
		assertThat(page.get("/my").statusCode()).isEqualTo(200);
		String csrf = OneVisitHttp.csrfTokenOf(page.get("/account/security").body());
		assertThat(page.get("/account/security").body()).contains("尚未核验身份");
		HttpResponse<String> refused = page.postForm("/apply/items/339900-NR-002", "_csrf=" + csrf, "Accept",
				"text/html");
		assertThat(refused.statusCode()).isEqualTo(403);
		// the page says why, and how to lift the limit
		assertThat(refused.body()).contains("您的身份尚未核验").contains("href=\"/halls\"");
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(RegistrationLimited.class, (limited) -> {
				assertThat(limited.username()).isEqualTo(accountOf(victim));
				assertThat(limited.registryHoldsTheNumber()).isFalse();
			}));
	}

	@Test
	void aClerkWhoHasCheckedTheIdCardAtAWindowLiftsTheLimit() {
		String person = resident(3);
		OneVisitHttp http = this.server.http();
		register(http, person, "17012345679", PASSWORD);
		String token = bearer(http, person, PASSWORD);

		String applicant = bearer(http, "applicant1", "onevisit-demo");
		assertThat(
				http.postJson("/api/v1/accounts/" + person + "/identity-verification", "{}", "Authorization", applicant)
					.statusCode())
			.isEqualTo(403);
		String clerk = bearer(http, "clerk1", "onevisit-demo");
		assertThat(http.postJson("/api/v1/accounts/" + person + "/identity-verification", "{}", "Authorization", clerk)
			.statusCode()).isEqualTo(204);

		assertThat(
				OneVisitHttp.json(http.get("/api/v1/me", "Authorization", token)).path("identityVerified").asBoolean())
			.isTrue();
		assertThat(this.recorder.events).anySatisfy(
				(event) -> assertThat(event).isInstanceOfSatisfying(IdentityVerifiedAtWindow.class, (checked) -> {
					assertThat(checked.username()).isEqualTo(accountOf(person));
					assertThat(checked.clerk()).isEqualTo("clerk1");
				}));
	}

	@Test
	void theCodeSentToTheRegistrysNumberLiftsTheLimitOnceAndIsNotSentAgainAtOnce() {
		String person = resident(4);
		String mobile = this.server.registries().mobileOf(person).orElseThrow();
		OneVisitHttp http = this.server.http();
		register(http, person, mobile, PASSWORD);
		String code = lastCodeTo(mobile);
		assertThat(this.sms.sentTo(mobile).get(0).text()).contains("验证码").contains(code);

		String wrong = code.equals("000000") ? "000001" : "000000";
		HttpResponse<String> refused = postWithCsrf(http, "/register/verify?id=" + person, "/register/verify",
				"id=" + person + "&code=" + wrong);
		assertThat(http.get(refused.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""))
			.body()).contains("验证码不正确");
		HttpResponse<String> resent = postWithCsrf(http, "/register/verify?id=" + person, "/register/verify/resend",
				"id=" + person);
		assertThat(http.get(resent.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""))
			.body()).contains("验证码刚刚发送过");
		assertThat(this.sms.sentTo(mobile)).hasSize(1);

		assertThat(postWithCsrf(http, "/register/verify?id=" + person, "/register/verify",
				"id=" + person + "&code=" + code)
			.headers()
			.firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login?verified"));
		String token = bearer(http, person, PASSWORD);
		assertThat(
				OneVisitHttp.json(http.get("/api/v1/me", "Authorization", token)).path("identityVerified").asBoolean())
			.isTrue();
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(MobileVerified.class,
					(verified) -> assertThat(verified.username()).isEqualTo(accountOf(person))));
	}

	@Test
	void refusesAPasswordLongerThan72BytesWithAMessage() {
		OneVisitHttp http = this.server.http();
		String person = resident(5);
		// 25 Chinese characters are 75 bytes in UTF-8
		HttpResponse<String> refused = register(http, person, "17012345670", "密".repeat(25));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("密码最多 72 个字节");
	}

	@Test
	void changingThePasswordRevokesEveryTokenAndTheOldPasswordStopsWorking() {
		String person = registerVerified(6);
		OneVisitHttp http = this.server.http();
		String first = bearer(http, person, PASSWORD);
		String second = bearer(http, person, PASSWORD);
		assertThat(OneVisitHttp.json(http.get("/api/v1/me/tokens", "Authorization", first)).size()).isEqualTo(2);

		HttpResponse<String> wrongOld = http.postJson("/api/v1/me/password",
				"{\"oldPassword\":\"not-the-password\",\"newPassword\":\"another-long-one\"}", "Authorization", first);
		assertThat(wrongOld.statusCode()).isEqualTo(422);
		assertThat(OneVisitHttp.json(wrongOld).path("code").asString()).isEqualTo("password_wrong");
		HttpResponse<String> tooLong = http.postJson("/api/v1/me/password",
				"{\"oldPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + "x".repeat(73) + "\"}", "Authorization",
				first);
		assertThat(OneVisitHttp.json(tooLong).path("code").asString()).isEqualTo("password_too_long");

		assertThat(http.postJson("/api/v1/me/password",
				"{\"oldPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-long-one\"}", "Authorization", first)
			.statusCode()).isEqualTo(204);
		assertThat(http.get("/api/v1/me", "Authorization", first).statusCode()).isEqualTo(401);
		assertThat(http.get("/api/v1/me", "Authorization", second).statusCode()).isEqualTo(401);
		assertThat(this.server.http()
			.postJson("/api/v1/auth/token", "{\"username\":\"" + person + "\",\"password\":\"" + PASSWORD + "\"}")
			.statusCode()).isEqualTo(401);
		String fresh = bearer(http, person, "another-long-one");
		assertThat(OneVisitHttp.json(http.get("/api/v1/me/tokens", "Authorization", fresh)))
			.filteredOn((token) -> token.path("active").asBoolean())
			.hasSize(1);
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(PasswordChanged.class, (changed) -> {
				assertThat(changed.username()).isEqualTo(accountOf(person));
				assertThat(changed.tokensRevoked()).isEqualTo(2);
			}));
	}

	@Test
	void recoversAForgottenPasswordThroughTheConfirmedMobileNumber() {
		String person = registerVerified(7);
		String mobile = this.server.registries().mobileOf(person).orElseThrow();
		OneVisitHttp http = this.server.http();
		int before = this.sms.sentTo(mobile).size();
		HttpResponse<String> started = postWithCsrf(http, "/recover", "/recover", "username=" + person);
		assertThat(started.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/recover/reset"));
		assertThat(this.sms.sentTo(mobile)).hasSize(before + 1);
		// an unknown username reads alike, and nothing is sent
		assertThat(postWithCsrf(http, "/recover", "/recover", "username=nobody-here").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/recover/reset"));

		HttpResponse<String> reset = postWithCsrf(http, "/recover/reset", "/recover/reset", "username=" + person
				+ "&code=" + lastCodeTo(mobile) + "&password=recovered-pass-1&passwordAgain=recovered-pass-1");
		assertThat(reset.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?recovered"));
		assertThat(bearer(this.server.http(), person, "recovered-pass-1")).hasSizeGreaterThan(40);
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(PasswordRecovered.class,
					(recovered) -> assertThat(recovered.username()).isEqualTo(accountOf(person))));
	}

	@Test
	void tokensAreListedToTheirHolderAndRevokedByTheHolderOrAnAdministrator() {
		OneVisitHttp http = this.server.http();
		String first = bearer(http, "applicant3", "onevisit-demo");
		String second = bearer(http, "applicant3", "onevisit-demo");
		String id = OneVisitHttp.json(http.get("/api/v1/me/tokens", "Authorization", second))
			.path(0)
			.path("id")
			.asString();
		assertThat(http.get("/api/v1/me/tokens", "Authorization", first).body()).doesNotContain(first.substring(7));

		// nobody else revokes it
		String other = bearer(http, "applicant2", "onevisit-demo");
		assertThat(http.postJson("/api/v1/me/tokens/" + id + "/revocation", "{}", "Authorization", other).statusCode())
			.isEqualTo(404);
		assertThat(http.postJson("/api/v1/me/tokens/" + id + "/revocation", "{}", "Authorization", first).statusCode())
			.isEqualTo(204);
		assertThat(http.get("/api/v1/me", "Authorization", second).statusCode()).isEqualTo(401);
		assertThat(http.get("/api/v1/me", "Authorization", first).statusCode()).isEqualTo(200);

		String admin = bearer(http, "admin1", "onevisit-demo");
		assertThat(OneVisitHttp
			.json(http.postJson("/api/v1/admin/accounts/applicant3/tokens/revocation", "{}", "Authorization", admin))
			.path("revoked")
			.asInt()).isEqualTo(1);
		assertThat(http.get("/api/v1/me", "Authorization", first).statusCode()).isEqualTo(401);
		assertThat(this.recorder.events).anySatisfy((event) -> assertThat(event)
			.isInstanceOfSatisfying(ApiTokenRevoked.class, (revoked) -> assertThat(revoked.by()).isEqualTo("admin1")));
		assertThat(this.recorder.events)
			.anySatisfy((event) -> assertThat(event).isInstanceOf(AuthenticationSuccessEvent.class));
	}

	@Test
	void publishesFailedLoginsForTheSecurityLog() {
		this.server.http()
			.postJson("/api/v1/auth/token", "{\"username\":\"applicant1\",\"password\":\"not-the-password\"}");
		assertThat(this.recorder.events).anySatisfy(
				(event) -> assertThat(event).isInstanceOfSatisfying(AuthenticationFailureBadCredentialsEvent.class,
						(failed) -> assertThat(failed.getAuthentication().getName()).isEqualTo("applicant1")));
	}

}
