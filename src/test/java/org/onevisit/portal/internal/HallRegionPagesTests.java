package org.onevisit.portal.internal;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county's window accepts a city item only when the catalogue marks it citywide: the
 * clerk at the east hall is told, on the page, that the hall does not serve the city for
 * it and where to send the applicant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HallRegionPagesTests {

	static final String WALK_IN = "339903199007180029";

	@Autowired
	OneVisitServer server;

	@Test
	void eachHallListsWhatItsWindowsAcceptTheCitysHallEverythingACountysHallTheCitywideMatters() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");

		Document east = Jsoup.parse(clerk.get("/hall?hall=east").body());
		Document city = Jsoup.parse(clerk.get("/hall?hall=city").body());

		assertThat(east.select("option").eachAttr("value"))
			.contains("items/339900-NR-006", "items/339903-NR-006", "bundles/flat-transfer")
			.doesNotContain("items/339900-CIVIL-004");
		assertThat(city.select("option").eachAttr("value")).contains("items/339900-NR-006", "items/339900-CIVIL-004");
	}

	@Test
	void theEastWindowIsToldItDoesNotAcceptTheCitysSocietyRegistrationAndWhereToGo() {
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		assertThat(clerk.get("/hall?hall=east").body()).contains("<option value=\"east\" selected");
		HttpResponse<String> lookup = clerk.postForm("/hall/apply",
				"_csrf=" + OneVisitHttp.csrfTokenOf(clerk.get("/hall").body()) + "&residentId=" + WALK_IN
						+ "&matter=items/339900-CIVIL-004&method=ID_CARD");
		assertThat(lookup.statusCode()).isEqualTo(302);
		Document form = Jsoup
			.parse(clerk.get(lookup.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
				.body());
		Map<String, String> inputs = ApplyPagesTests.inputsOf(form);
		inputs.put("field.organisationName", "示范市窗口测试协会");
		inputs.put("field.principalId", WALK_IN);
		inputs.put("field.memberCount", "60");

		HttpResponse<String> refused = clerk.postMultipart("/hall/apply/items/339900-CIVIL-004", inputs, Map.of());

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).getElementById("refusal").text()).contains("示范市东区便民服务中心的窗口不受理",
				"示范市的“社会团体成立登记”", "示范市政务服务中心");
	}

}
