package org.onevisit.identity.internal;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onevisit.DemoTotp;
import org.onevisit.OneVisitHttp;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.NewAccount;
import org.onevisit.identity.AccountRuleViolated;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityIntegrationTests {

	static final String DEMO_PASSWORD = "onevisit-demo";

	@Autowired
	AccountManagement accounts;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	/** A new visitor for each test. */
	@Autowired
	OneVisitHttp visitor;

	@Test
	void seedsADemoReviewerForEverySeededDepartmentBoundToThatDepartment() {
		assertThat(this.directory.departments()).hasSizeGreaterThanOrEqualTo(9);
		for (Department department : this.directory.departments()) {
			OneVisitUser reviewer = this.accounts.findByUsername("reviewer-" + department.code()).orElseThrow();

			assertThat(reviewer.roles()).containsExactly(Role.REVIEWER);
			assertThat(reviewer.departmentCode()).hasValue(department.code());
			assertThat(reviewer.getAuthorities()).extracting(Object::toString)
				.contains("ROLE_REVIEWER", "DEPARTMENT_" + department.code());
		}
	}

	@Test
	void everyDemoAccountSignsInWithTheDemoPassword() {
		for (String username : new String[] { "applicant1", "applicant2", "clerk1", "supervisor1", "admin1",
				"reviewer-tax" }) {
			assertThat(this.visitor.bearerToken(username, DEMO_PASSWORD)).as(username).hasSizeGreaterThan(40);
		}
	}

	@Test
	void storesPasswordsOnlyAsBcryptHashes() {
		String hash = this.jdbc.sql("select password_hash from identity_account where username = 'admin1'")
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DEMO_PASSWORD);
	}

	@Test
	void exchangesAPasswordForABearerTokenThatIdentifiesTheReviewersDepartment() {
		// staff give the one-time code too
		HttpResponse<String> withoutCode = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"reviewer-tax\",\"password\":\"onevisit-demo\"}");
		assertThat(withoutCode.statusCode()).isEqualTo(401);
		assertThat(OneVisitHttp.json(withoutCode).path("code").asString()).isEqualTo("second_factor_required");
		HttpResponse<String> issued = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"reviewer-tax\",\"password\":\"onevisit-demo\",\"otp\":\"" + DemoTotp.now() + "\"}");
		JsonNode token = OneVisitHttp.json(issued);

		HttpResponse<String> me = this.visitor.get("/api/v1/me", "Authorization",
				"Bearer " + token.path("access_token").asString());

		assertThat(token.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.path("expires_in").asInt()).isEqualTo(3600);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(OneVisitHttp.json(me).path("department").asString()).isEqualTo("tax");
		assertThat(OneVisitHttp.json(me).path("roles").get(0).asString()).isEqualTo("REVIEWER");
	}

	@Test
	void answersAWrongPasswordExactlyLikeAnUnknownUser() {
		HttpResponse<String> wrongPassword = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"admin1\",\"password\":\"guess\"}");
		HttpResponse<String> unknownUser = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"nobody-here\",\"password\":\"guess\"}");

		assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
		assertThat(OneVisitHttp.json(wrongPassword).path("code").asString()).isEqualTo("invalid_credentials");
		assertThat(OneVisitHttp.json(wrongPassword).path("detail"))
			.isEqualTo(OneVisitHttp.json(unknownUser).path("detail"));
	}

	@Test
	void refusesTheApiWithoutAValidToken() {
		HttpResponse<String> none = this.visitor.get("/api/v1/me");
		HttpResponse<String> forged = this.visitor.get("/api/v1/me", "Authorization", "Bearer forged-token-value");

		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(OneVisitHttp.json(none).path("code").asString()).isEqualTo("unauthenticated");
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(OneVisitHttp.json(forged).path("code").asString()).isEqualTo("unauthenticated");
	}

	@Test
	void refusesAMalformedTokenRequestWithAProblem() {
		HttpResponse<String> blank = this.visitor.postJson("/api/v1/auth/token",
				"{\"username\":\"\",\"password\":\"x\"}");
		HttpResponse<String> broken = this.visitor.postJson("/api/v1/auth/token", "{\"username\":");

		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(blank).path("code").asString()).isEqualTo("validation_failed");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(OneVisitHttp.json(broken).path("code").asString()).isEqualTo("body_unreadable");
	}

	@Test
	void changesTheSessionIdAtLogin() {
		this.visitor.get("/login");
		String before = this.visitor.cookie("JSESSIONID");

		HttpResponse<String> login = this.visitor.logIn("applicant1", DEMO_PASSWORD);

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/"));
		assertThat(this.visitor.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
		assertThat(this.visitor.get("/").body()).contains("张三");
	}

	@Test
	void listsTheDemoAccountsOnTheLoginPageInDemoMode() {
		assertThat(this.visitor.get("/login").body()).contains("演示账号", "applicant1", "reviewer-tax");
	}

	@Test
	void refusesALoginFormWithoutItsCsrfToken() {
		this.visitor.get("/login");

		HttpResponse<String> forged = this.visitor.postForm("/login", "username=applicant1&password=onevisit-demo");

		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void showsAFailedLoginInChineseWithoutSayingWhichPartWasWrong() {
		HttpResponse<String> failed = this.visitor.logIn("applicant1", "wrong");

		assertThat(failed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
		assertThat(this.visitor.get("/login?error").body()).contains("用户名或密码不正确");
	}

	@Test
	void logsOutAndForgetsTheSession() {
		this.visitor.logIn("applicant1", DEMO_PASSWORD);
		String csrf = OneVisitHttp.csrfTokenOf(this.visitor.get("/").body());

		HttpResponse<String> logout = this.visitor.postForm("/logout", "_csrf=" + csrf);

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.visitor.get("/").body()).doesNotContain("张三");
	}

	@Test
	void bindsReviewersAndOnlyReviewersToADepartment() {
		assertThatThrownBy(() -> this.accounts
			.openIfAbsent(new NewAccount("reviewer-without", "x", "x", Role.REVIEWER, null, null, null)))
			.isInstanceOf(AccountRuleViolated.class);
		assertThatThrownBy(
				() -> this.accounts.openIfAbsent(new NewAccount("clerk-with", "x", "x", Role.CLERK, "tax", null, null)))
			.isInstanceOf(AccountRuleViolated.class);
	}

}
