package org.onevisit.portal.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Applying online through the pages, as the seller of a flat does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplyPagesTests {

	@LocalServerPort
	int port;

	OneVisitHttp seller;

	@BeforeEach
	void logIn() {
		this.seller = new OneVisitHttp(this.port);
		this.seller.logIn("applicant1", "onevisit-demo");
	}

	@Test
	void theSellerFindsTheFlatTransferFilledInAndFilesItWithoutUploadingAnything() {
		HttpResponse<String> page = this.seller.get("/apply/bundles/flat-transfer");
		assertThat(page.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(page.body());
		assertThat(form.getElementById("field-buyerName").val()).isEqualTo("李四");
		assertThat(form.getElementById("field-price").val()).isEqualTo("1850000");
		assertThat(form.select(".materials .badge").eachText()).contains("已获取，无需提交").doesNotContain("需要您提交", "待获取");
		assertThat(page.body()).contains("来自住房和城乡建设信息库");

		HttpResponse<String> filed = this.seller.postForm("/apply/bundles/flat-transfer", encoded(inputsOf(form)));

		assertThat(filed.statusCode()).as(() -> Jsoup.parse(filed.body()).select("[role=alert]").text()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).matches(".*/my/applications/[0-9a-f-]{36}\\?filed"));
	}

	@Test
	void showsAWrongIdNumberNextToItsFieldAndKeepsWhatWasTyped() {
		Document form = Jsoup.parse(this.seller.get("/apply/bundles/flat-transfer").body());
		Map<String, String> inputs = inputsOf(form);
		inputs.put("field.buyerId", "339903199007180028");

		HttpResponse<String> refused = this.seller.postForm("/apply/bundles/flat-transfer", encoded(inputs));

		assertThat(refused.statusCode()).isEqualTo(200);
		Document again = Jsoup.parse(refused.body());
		assertThat(again.getElementById("error-buyerId").text()).contains("校验位不正确");
		assertThat(again.getElementById("field-buyerId").val()).isEqualTo("339903199007180028");
		assertThat(again.select("[role=alert] a").attr("href")).isEqualTo("#field-buyerId");
	}

	/** What the browser would post: the form's own data, selected options included. */
	private static Map<String, String> inputsOf(Document page) {
		FormElement form = (FormElement) page.selectFirst("form.stack");
		Map<String, String> inputs = new LinkedHashMap<>();
		form.formData().forEach((pair) -> inputs.put(pair.key(), pair.value()));
		return inputs;
	}

	private static String encoded(Map<String, String> inputs) {
		return inputs.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
