package org.onevisit.portal.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.messages.internal.SimulatedSmsGateway;
import org.onevisit.registries.RegistryControl;
import org.onevisit.registries.RegistryControl.DataProblem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Real-name registration, checked against the population registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationPagesTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	SimulatedSmsGateway sms;

	/**
	 * An active business in the registry whose legal representative is not 张三 (the demo
	 * applicant, who has an account): the first such, or the one after it.
	 */
	RegistryControl.Enterprise activeBusinessNotOfZhangSan(int skipped) {
		return this.server.registries()
			.enterprises()
			.stream()
			.filter(RegistryControl.Enterprise::active)
			.filter((e) -> !e.representativeId().equals("339902198503120016"))
			.skip(skipped)
			.findFirst()
			.orElseThrow();
	}

	HttpResponse<String> register(OneVisitHttp http, String name, String residentId, String phone) {
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/register").body());
		return http.postForm("/register", "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&residentId="
				+ residentId + "&phone=" + phone + "&password=long-enough-1&passwordAgain=long-enough-1&_csrf=" + csrf);
	}

	@Test
	void registersAPersonWhoseNameTheRegistryConfirmsAndLetsThemLogInWithTheirId() {
		String resident = this.server.registries().residentsWith(DataProblem.STALE_MARRIAGE).get(1);
		String name = this.server.registries().nameOf(resident).orElseThrow();
		OneVisitHttp http = this.server.http();

		HttpResponse<String> wrongName = register(http, name + "某", resident, "13800138000");
		assertThat(wrongName.statusCode()).isEqualTo(200);
		assertThat(wrongName.body()).contains("姓名与身份证号码核对不一致");

		HttpResponse<String> badPhone = register(http, name, resident, "0571-1234");
		assertThat(badPhone.body()).contains("手机号码应为以1开头的11位数字");

		// with the number the registry holds for them, confirmed by the code sent to it
		String mobile = this.server.registries().mobileOf(resident).orElseThrow();
		HttpResponse<String> registered = register(http, name, resident, mobile);
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/register/verify?id=" + resident));
		String text = this.sms.sentTo(mobile).get(0).text();
		String code = text.replaceAll("\\D*(\\d{6}).*", "$1");
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/register/verify?id=" + resident).body());
		assertThat(http.postForm("/register/verify", "id=" + resident + "&code=" + code + "&_csrf=" + csrf)
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?verified"));

		OneVisitHttp person = this.server.http();
		HttpResponse<String> login = person.logIn(resident, "long-enough-1");
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		// the check is in their own access log
		String token = "Bearer " + person.bearerToken(resident, "long-enough-1");
		assertThat(person.get("/api/v1/my/data-accesses", "Authorization", token).body()).contains("实名注册核验");

		assertThat(register(this.server.http(), name, resident, "13800138001").body()).contains("已经注册过");
	}

	@Test
	void refusesASecondAccountForSomeoneAlreadyRegistered() {
		// 李四 has the demo account applicant2
		HttpResponse<String> again = register(this.server.http(), "李四", "339903199007180029", "13900139000");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("已经注册过");
	}

	HttpResponse<String> registerBusiness(OneVisitHttp http, String creditCode, String name, String residentId) {
		return registerBusiness(http, creditCode, name, residentId, "13900139000");
	}

	HttpResponse<String> registerBusiness(OneVisitHttp http, String creditCode, String name, String residentId,
			String phone) {
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/register/business").body());
		return http.postForm("/register/business",
				"creditCode=" + creditCode + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&residentId="
						+ residentId + "&phone=" + phone + "&password=long-enough-1&passwordAgain=long-enough-1&_csrf="
						+ csrf);
	}

	@Test
	void aBusinessRegisteredWithANumberTheRegistryDoesNotHoldStaysLimited() {
		// someone who read the representative's name and ID elsewhere, with their own
		// phone
		RegistryControl.Enterprise enterprise = activeBusinessNotOfZhangSan(1);
		OneVisitHttp http = this.server.http();

		HttpResponse<String> registered = registerBusiness(http, enterprise.creditCode(),
				enterprise.representativeName(), enterprise.representativeId(), "17012345670");

		assertThat(registered.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?registered&limited"));
		assertThat(this.sms.sentTo("17012345670")).isEmpty();
		OneVisitHttp business = this.server.http();
		business.logIn(enterprise.creditCode(), "long-enough-1");
		String token = "Bearer " + business.bearerToken(enterprise.creditCode(), "long-enough-1");
		HttpResponse<String> filing = business.postJson("/api/v1/applications",
				"{\"itemCode\":\"339900-SAMR-001\",\"form\":{}}", "Authorization", token);
		assertThat(filing.statusCode()).isEqualTo(403);
		assertThat(OneVisitHttp.json(filing).path("code").asString()).isEqualTo("identity_unverified");
	}

	@Test
	void registersABusinessThroughItsLegalRepresentativeAndRefusesAnyoneElse() {
		RegistryControl.Enterprise enterprise = activeBusinessNotOfZhangSan(0);
		RegistryControl.Enterprise closed = this.server.registries()
			.enterprises()
			.stream()
			.filter((e) -> !e.active())
			.findFirst()
			.orElseThrow();
		OneVisitHttp http = this.server.http();

		assertThat(registerBusiness(http, enterprise.creditCode(), "张三", "339902198503120016").body())
			.contains("没有找到该企业由这位法定代表人登记的记录");
		assertThat(registerBusiness(http, closed.creditCode(), closed.representativeName(), closed.representativeId())
			.body()).contains("该企业已注销");
		assertThat(registerBusiness(http, "91339900MA2H5T7KX6", "张三", "339902198503120016").body())
			.contains("统一社会信用代码不正确");

		// with the number the population registry holds for the representative, confirmed
		// by the code sent to it
		String mobile = this.server.registries().mobileOf(enterprise.representativeId()).orElseThrow();
		HttpResponse<String> registered = registerBusiness(http, enterprise.creditCode().toLowerCase(),
				enterprise.representativeName(), enterprise.representativeId(), mobile);
		assertThat(registered.statusCode()).as(registered::body).isEqualTo(302);
		assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/register/verify?id=" + enterprise.creditCode()));
		String code = this.sms.sentTo(mobile).get(0).text().replaceAll("\\D*(\\d{6}).*", "$1");
		String csrf = OneVisitHttp.csrfTokenOf(http.get("/register/verify?id=" + enterprise.creditCode()).body());
		assertThat(
				http.postForm("/register/verify", "id=" + enterprise.creditCode() + "&code=" + code + "&_csrf=" + csrf)
					.headers()
					.firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?verified"));

		OneVisitHttp business = this.server.http();
		business.logIn(enterprise.creditCode(), "long-enough-1");
		assertThat(business.get("/my").body()).contains(enterprise.name());
		String token = "Bearer " + business.bearerToken(enterprise.creditCode(), "long-enough-1");
		assertThat(business.get("/api/v1/my/data-accesses", "Authorization", token).body()).contains("法人账户注册核验");
		assertThat(registerBusiness(this.server.http(), enterprise.creditCode(), enterprise.representativeName(),
				enterprise.representativeId())
			.body()).contains("已经注册过法人账户");
	}

}
