package org.onevisit.payments.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.licences.LicenceWallet;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying at a hall's window, where a payer without online payment goes: the clerk finds
 * the order by its tracking number and records the receipt, and the matter goes on as
 * paid.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WindowPaymentTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	LicenceWallet wallet;

	@Test
	void aClerkRecordsAPaymentTakenAtTheWindowAndTheMatterGoesOnAsPaid() {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode approved = matters.approveAll(matters.fileFlatTransfer());
		assertThat(approved.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
		String id = approved.path("id").asString();
		String tracking = approved.path("trackingNo").asString();
		OneVisitHttp clerk = this.server.signedIn("clerk1");
		String desk = clerk.get("/hall/payments?trackingNumber=" + tracking).body();
		assertThat(desk).contains("不动产登记费（住宅）", "契税（承受方）", "登记已缴费");

		clerk.postForm("/hall/payments/" + id,
				"trackingNumber=" + tracking + "&receiptNumber=&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(clerk.get("/hall/payments?trackingNumber=" + tracking).body())
			.as("nothing is recorded without the receipt")
			.contains("请填写缴款凭证号");
		assertThat(statusOf(http, matters, id)).isEqualTo("AWAITING_PAYMENT");

		clerk.postForm("/hall/payments/" + id,
				"trackingNumber=" + tracking + "&receiptNumber=FS-2026-000123&_csrf=" + OneVisitHttp.csrfTokenOf(desk));

		JsonNode order = OneVisitHttp
			.json(http.get("/api/v1/applications/" + id + "/payment", "Authorization", matters.bearer("applicant1")));
		assertThat(order.path("status").asString()).isEqualTo("PAID");
		assertThat(statusOf(http, matters, id)).isEqualTo("APPROVED");
		assertThat(clerk.get("/hall/payments?trackingNumber=" + tracking).body()).contains("FS-2026-000123")
			.doesNotContain("登记已缴费");
		// the results follow the payment as after an online one
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.wallet.issuedFor(tracking).isEmpty());
	}

	@Test
	void onlyAClerkRecordsAPaymentAtTheWindow() {
		OneVisitHttp http = this.server.http();
		Matters matters = this.server.matters(http);
		JsonNode approved = matters.approveAll(matters.fileFlatTransfer());
		OneVisitHttp applicant = this.server.signedIn("applicant1");
		String page = applicant.get("/my/applications/" + approved.path("id").asString()).body();

		assertThat(applicant
			.postForm("/hall/payments/" + approved.path("id").asString(),
					"trackingNumber=x&receiptNumber=FS-2026-000124&_csrf=" + OneVisitHttp.csrfTokenOf(page))
			.statusCode()).isEqualTo(403);
		assertThat(statusOf(http, matters, approved.path("id").asString())).isEqualTo("AWAITING_PAYMENT");
	}

	private static String statusOf(OneVisitHttp http, Matters matters, String id) {
		return OneVisitHttp.json(http.get("/api/v1/applications/" + id, "Authorization", matters.bearer("clerk1")))
			.path("status")
			.asString();
	}

}
