package org.onevisit.delivery.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.ApplicationId;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.delivery.DeliveryRefused;
import org.onevisit.identity.Actor;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.shared.OneVisitException;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Choosing how to receive the result, and the clerk recording the courier hand-off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Test
	void theSellerChoosesACourierAndTheClerkRecordsTheHandOffWithItsTrackingNumber() throws InterruptedException {
		Matters matters = this.server.matters();
		JsonNode filed = matters.fileFlatTransfer();
		String delivery = "/my/applications/" + filed.path("id").asString() + "/delivery";
		OneVisitHttp seller = this.server.signedIn("applicant1");
		String page = seller.get(delivery).body();
		assertThat(page).contains("仅电子证照");

		seller.postForm(delivery, "method=COURIER&recipient=" + enc("张三") + "&phone=1380000&address=" + enc("示范市")
				+ "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		String refused = seller.get(delivery).body();
		assertThat(refused).contains("11 位手机号").contains("id=\"phone\"");
		assertThat(org.jsoup.Jsoup.parse(refused).getElementById("phone").attr("aria-invalid")).isEqualTo("true");
		assertThat(org.jsoup.Jsoup.parse(refused).getElementById("recipient").attr("aria-invalid")).isEqualTo("false");

		seller.postForm(delivery, "method=COURIER&recipient=" + enc("张三") + "&phone=13800001234&address="
				+ enc("示范市东湖区示范路12号3幢") + "&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		assertThat(seller.get(delivery).body()).contains("领取方式已保存", "免费邮寄到家", "示范市东湖区示范路12号3幢");

		OneVisitHttp clerk = this.server.signedIn("clerk1");
		String tracking = filed.path("trackingNo").asString();
		assertThat(clerk.get("/hall/deliveries").body()).doesNotContain(tracking);

		matters.approveAll(filed);
		// results follow only once the fees and taxes are paid
		matters.payThroughTheSimulator(filed);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		String desk = clerk.get("/hall/deliveries").body();
		while (!desk.contains(tracking) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			desk = clerk.get("/hall/deliveries").body();
		}
		assertThat(desk).contains(tracking, "13800001234");
		String action = "/hall/deliveries/" + filed.path("id").asString();

		clerk.postForm(action, "courier=EMS&courierTrackingNumber=&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(clerk.get("/hall/deliveries").body()).contains("领取方式信息不完整或有误", tracking);

		HttpResponse<String> shipped = clerk.postForm(action,
				"courier=EMS&courierTrackingNumber=1190012345678&_csrf=" + OneVisitHttp.csrfTokenOf(desk));
		assertThat(shipped.statusCode()).isEqualTo(302);
		assertThat(clerk.get("/hall/deliveries").body()).doesNotContain(tracking);
		assertThat(seller.get(delivery).body()).contains("运单号 1190012345678").doesNotContain("保存领取方式");
		assertThat(seller.get("/my/messages").body()).contains("已交寄 EMS，运单号 1190012345678");

		seller.postForm(delivery, "method=ELECTRONIC&_csrf=" + OneVisitHttp.csrfTokenOf(page));
		assertThat(seller.get(delivery).body()).contains("结果已经交付");
	}

	@Autowired
	Deliveries deliveries;

	@Autowired
	LicenceWallet licences;

	@Test
	void aResultWhoseLicencesWereRevokedIsOfferedNeitherForPickUpNorForCourier() {
		Matters matters = this.server.matters();
		JsonNode filed = matters.fileFlatTransfer();
		ApplicationId id = new ApplicationId(UUID.fromString(filed.path("id").asString()));
		Actor seller = Actor.applicant("applicant1");
		Deliveries.Choice courier = new Deliveries.Choice(Delivery.Method.COURIER, null, "张三", "13800001234",
				"示范市东湖区示范路12号3幢");
		this.deliveries.choose(id, courier, seller);
		matters.payThroughTheSimulator(matters.approveAll(filed));
		String tracking = filed.path("trackingNo").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.licences.issuedFor(tracking).isEmpty());
		assertThat(this.deliveries.waitingForHandOver()).anyMatch((delivery) -> delivery.application().equals(id));

		for (Licence licence : this.licences.issuedFor(tracking)) {
			this.licences.revoke(licence.id(), "登记错误，依法撤销",
					Actor.reviewer("reviewer-" + licence.issuerDepartment(), licence.issuerDepartment()));
		}

		assertThat(this.deliveries.waitingForHandOver()).noneMatch((delivery) -> delivery.application().equals(id));
		assertThatThrownBy(() -> this.deliveries.handOver(id, "EMS", "1190012345678", Actor.clerk("clerk1")))
			.isInstanceOfSatisfying(DeliveryRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("delivery_no_valid_result");
				assertThat(refused.kind()).isEqualTo(OneVisitException.Kind.CONFLICT);
			});
		assertThatThrownBy(() -> this.deliveries.choose(id, courier, seller)).hasFieldOrPropertyWithValue("code",
				"delivery_no_valid_result");
		assertThat(this.deliveries
			.choose(id, new Deliveries.Choice(Delivery.Method.ELECTRONIC, null, null, null, null), seller)
			.method()).isEqualTo(Delivery.Method.ELECTRONIC);
	}

	@Test
	void anotherApplicantCannotSeeOrChangeTheDelivery() {
		JsonNode filed = this.server.matters().fileFlatTransfer();
		OneVisitHttp buyer = this.server.signedIn("applicant2");
		String delivery = "/my/applications/" + filed.path("id").asString() + "/delivery";

		assertThat(buyer.get(delivery).statusCode()).isEqualTo(404);
		assertThat(
				buyer.postForm(delivery, "method=ELECTRONIC&_csrf=" + OneVisitHttp.csrfTokenOf(buyer.get("/").body()))
					.statusCode())
			.isEqualTo(404);
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
