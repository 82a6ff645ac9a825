package org.onevisit.delivery.internal;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.delivery.Deliveries;
import org.onevisit.delivery.Delivery;
import org.onevisit.delivery.DeliveryRefused;
import org.onevisit.identity.Actor;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 统一出件: a citywide matter accepted at the west hall and handled by 东湖区's registration
 * office goes out through the west hall: the pick-up, the delivery record, the hand-over
 * desk and the notice that it is ready all name the accepting hall, never the owning one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcceptingHallDeliveryTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Deliveries deliveries;

	@Test
	void theResultOfAMatterAcceptedAtOneHallAndHandledByAnotherCountyGoesOutThroughTheAcceptingHall() {
		Application filed = MattersInProcess.recordsSearchAtTheWestHall(this.applications);
		assertThat(filed.tasks().get(0).plan().departmentCode()).isEqualTo("nr-339902");
		Actor zhang = Actor.applicant("applicant1", Subject.person(ResidentId.of(Matters.SELLER)));

		// another hall is refused by name; the pick-up needs no hall named
		assertThatThrownBy(() -> this.deliveries.choose(filed.id(),
				new Deliveries.Choice(Delivery.Method.PICKUP, "east", null, null, null), zhang))
			.isInstanceOfSatisfying(DeliveryRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("delivery_at_accepting_hall");
				assertThat(refused.arguments()).containsExactly("示范市西区便民服务中心");
			});
		Delivery chosen = this.deliveries.choose(filed.id(),
				new Deliveries.Choice(Delivery.Method.PICKUP, null, null, null, null), zhang);
		assertThat(chosen.hallCode()).isEqualTo("west");

		OneVisitHttp applicant = this.server.signedIn("applicant1");
		Document page = Jsoup.parse(applicant.get("/my/applications/" + filed.id().value() + "/delivery").body());
		assertThat(page.select("#hallCode option").eachAttr("value")).containsExactly("west");
		assertThat(page.text()).contains("此办件在示范市西区便民服务中心窗口受理");

		this.applications.decide(filed.tasks().get(0).id(), Decision.Approve.here(),
				Actor.reviewer("reviewer-nr-339902", "nr-339902"), null);

		assertThat(this.deliveries.waitingForHandOver())
			.filteredOn((delivery) -> delivery.application().equals(filed.id()))
			.singleElement()
			.satisfies((delivery) -> assertThat(delivery.hallCode()).isEqualTo("west"));
		assertThat(applicant.get("/my/messages").body()).contains("已可到示范市西区便民服务中心领取")
			.doesNotContain("已可到示范市东区便民服务中心领取");
	}

	@Test
	void aMatterFiledOnlineIsCollectedAtTheHallTheApplicantChooses() {
		Actor li = Actor.applicant("applicant2", Subject.person(ResidentId.of(Matters.BUYER)));
		Application filed = this.applications
			.submit(new Submission("339900-NR-006", null, Subject.person(ResidentId.of(Matters.BUYER)), Channel.ONLINE,
					Map.of("applicantId", Matters.BUYER, "purpose", "查询名下房产")), li, null);

		assertThat(this.deliveries.pickUpHalls(filed.id(), li)).hasSizeGreaterThan(1);
		assertThat(this.deliveries
			.choose(filed.id(), new Deliveries.Choice(Delivery.Method.PICKUP, "east", null, null, null), li)
			.hallCode()).isEqualTo("east");
	}

}
