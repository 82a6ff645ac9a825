package org.onevisit.portal.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API address about one applicant's matter is not found for another
 * applicant, and found for its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantIsolationTests {

	@Autowired
	OneVisitServer server;

	@Test
	void anotherApplicantFindsNothingOfTheMatterWhereverTheyLook() {
		Matters matters = this.server.matters();
		String id = matters.payThroughTheSimulator(matters.approveAll(matters.fileFlatTransfer()))
			.path("id")
			.asString();
		List<String> pages = List.of("/my/applications/" + id, "/my/applications/" + id + "/progress",
				"/my/applications/" + id + "/payment", "/my/applications/" + id + "/delivery",
				"/my/applications/" + id + "/rating", "/my/applications/" + id + "/licences",
				"/pay/applications/" + id);
		List<String> api = List.of("/api/v1/applications/" + id, "/api/v1/applications/" + id + "/history",
				"/api/v1/applications/" + id + "/payment");
		OneVisitHttp seller = this.server.signedIn("applicant1");
		OneVisitHttp stranger = this.server.http();
		// not the buyer: a party to the sale reads the matter
		stranger.logIn("business1", "onevisit-demo");
		String sellerToken = matters.bearer("applicant1");
		String strangerToken = matters.bearer("business1");

		assertThat(pages).allSatisfy((page) -> {
			assertThat(seller.get(page).statusCode()).as(page).isEqualTo(200);
			assertThat(stranger.get(page).statusCode()).as(page).isEqualTo(404);
		});
		assertThat(api).allSatisfy((path) -> {
			assertThat(seller.get(path, "Authorization", sellerToken).statusCode()).as(path).isEqualTo(200);
			assertThat(stranger.get(path, "Authorization", strangerToken).statusCode()).as(path).isEqualTo(404);
		});
	}

}
