package org.onevisit.identity.internal;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onevisit.DemoTotp;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.NewAccount;
import org.onevisit.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in with a password and a TOTP code: the password alone reaches no staff
 * page, enrolment shows a QR code and ten recovery codes once, each recovery code works
 * once, and an administrator resets a lost second factor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffSecondFactorTests {

	static final Pattern SECRET = Pattern.compile("<code>([A-Z2-7 ]{20,})</code>");

	static final Pattern RECOVERY = Pattern.compile("<code>([2-9A-Z]{5}-[2-9A-Z]{5})</code>");

	@Autowired
	OneVisitServer server;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	HttpResponse<String> password(OneVisitHttp http, String username) {
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/login").body());
		return http.postForm("/login", "username=" + username + "&password=onevisit-demo&_csrf=" + csrf);
	}

	HttpResponse<String> code(OneVisitHttp http, String path, String code) {
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/login/second-factor").body());
		return http.postForm(path, "code=" + code + "&_csrf=" + csrf);
	}

	@Test
	void aStaffPasswordAloneReachesNoStaffPage() {
		OneVisitHttp clerk = this.server.http();
		assertThat(password(clerk, "clerk1").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login/second-factor"));
		assertThat(clerk.get("/hall").statusCode()).isEqualTo(403);
		assertThat(clerk.get("/account/security").statusCode()).isEqualTo(403);
		String wrong = DemoTotp.at(Instant.now().minusSeconds(300));
		assertThat(code(clerk, "/login/second-factor", wrong).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login/second-factor?error"));
		assertThat(clerk.get("/hall").statusCode()).isEqualTo(403);

		String before = clerk.cookie("JSESSIONID");
		assertThat(code(clerk, "/login/second-factor", DemoTotp.now()).statusCode()).isEqualTo(302);
		assertThat(clerk.cookie("JSESSIONID")).isNotEqualTo(before);
		assertThat(clerk.get("/hall").statusCode()).isEqualTo(200);
		// an applicant has no second step
		assertThat(password(this.server.http(), "applicant1").headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("second-factor"));
	}

	@Test
	void enrolsWithAQrCodeAndRecoveryCodesEachUsableOnceAfterAnAdministratorsReset() {
		this.accounts.openIfAbsent(NewAccount.staff("clerk-enrolling", "onevisit-demo", "enrolling", Role.CLERK));
		OneVisitHttp admin = this.server.http();
		String bearer = "Bearer " + admin.bearerToken("admin1", "onevisit-demo");
		assertThat(admin
			.postJson("/api/v1/admin/accounts/clerk-enrolling/second-factor/reset", "{}", "Authorization", bearer)
			.statusCode()).isEqualTo(204);

		OneVisitHttp clerk = this.server.http();
		password(clerk, "clerk-enrolling");
		String page = clerk.get("/login/second-factor").body();
		assertThat(page).contains("<svg", "设置动态验证码");
		Matcher shown = SECRET.matcher(page);
		assertThat(shown.find()).isTrue();
		byte[] secret = Totp.fromBase32(shown.group(1).replace(" ", ""));
		// the demo secret is gone with the reset
		assertThat(Totp.base32(secret)).isNotEqualTo(DemoTotp.SECRET);

		HttpResponse<String> enrolled = code(clerk, "/login/second-factor/enrol", Totp.code(secret, Instant.now()));
		assertThat(enrolled.statusCode()).isEqualTo(200);
		List<String> recovery = RECOVERY.matcher(enrolled.body()).results().map((m) -> m.group(1)).toList();
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		assertThat(clerk.get("/hall").statusCode()).isEqualTo(200);

		// only wrapped under the key-encryption key
		byte[] stored = this.jdbc
			.sql("select secret_wrapped from identity_second_factor f join identity_account a on a.id = f.account_id "
					+ "where a.username = 'clerk-enrolling'")
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));

		OneVisitHttp lostPhone = this.server.http();
		password(lostPhone, "clerk-enrolling");
		assertThat(code(lostPhone, "/login/second-factor", recovery.get(3)).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		assertThat(lostPhone.get("/hall").statusCode()).isEqualTo(200);
		OneVisitHttp again = this.server.http();
		password(again, "clerk-enrolling");
		assertThat(code(again, "/login/second-factor", recovery.get(3)).headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login/second-factor?error"));

		// a staff tool's token needs the code as well
		HttpResponse<String> token = again.postJson("/api/v1/auth/token",
				"{\"username\":\"clerk-enrolling\",\"password\":\"onevisit-demo\",\"otp\":\""
						+ Totp.code(secret, Instant.now()) + "\"}");
		assertThat(token.statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAnAdministratorResetsASecondFactor() {
		OneVisitHttp http = this.server.http();
		String supervisor = "Bearer " + http.bearerToken("supervisor1", "onevisit-demo");
		assertThat(http.postJson("/api/v1/admin/accounts/clerk1/second-factor/reset", "{}", "Authorization", supervisor)
			.statusCode()).isEqualTo(403);
	}

}
