package org.onevisit.applications.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitServer;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.applications.Channel;
import org.onevisit.identity.Actor;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What other modules know of a matter, read directly rather than through the aggregate:
 * the same answer, and for the same people only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationSummaryIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Test
	void summarisesAMatterAsItsAggregateDoes() {
		Matters matters = this.server.matters();
		ApplicationId id = idOf(matters.fileFlatTransfer());

		ApplicationSummary filed = this.applications.summary(id, Actor.applicant("applicant1"));
		assertThat(filed).isEqualTo(this.applications.find(id, Actor.system()).summary());
		assertThat(filed.channel()).isEqualTo(Channel.ONLINE);
		assertThat(filed.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(filed.finishedAt()).isNull();
		assertThat(filed.items()).extracting(ApplicationSummary.Item::departmentCode)
			.containsExactlyInAnyOrder("housing", "tax", "nr");

		// approved and paid: finished, with the instant it was
		ApplicationId approved = idOf(matters.payThroughTheSimulator(matters.approveAll(matters.fileFlatTransfer())));
		Application whole = this.applications.find(approved, Actor.system());
		assertThat(whole.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(this.applications.summary(approved, Actor.system())).isEqualTo(whole.summary());
		assertThat(this.applications.summary(approved, Actor.system()).finishedAt()).isNotNull()
			.isEqualTo(whole.finishedAt());
	}

	@Test
	void showsTheSummaryOnlyToWhomTheMatterIsVisible() {
		ApplicationId id = idOf(this.server.matters().fileFlatTransfer());

		// its applicant, by account or as the person it is about, its departments'
		// reviewers, clerks and the platform
		assertThat(this.applications.summary(id, Actor.applicant("applicant1")).id()).isEqualTo(id);
		assertThat(
				this.applications.summary(id, Actor.applicant("walk-in", Subject.person(ResidentId.of(Matters.SELLER))))
					.id())
			.isEqualTo(id);
		assertThat(this.applications.summary(id, Actor.reviewer("reviewer-tax", "tax")).id()).isEqualTo(id);
		assertThat(this.applications.summary(id, Actor.clerk("clerk1")).id()).isEqualTo(id);
		assertThat(this.applications.summary(id, Actor.system()).id()).isEqualTo(id);

		// not a stranger, a reviewer of another department, nor its other parties, whose
		// part is to confirm, not to pay or rate
		assertThatThrownBy(() -> this.applications.summary(id, Actor.applicant("applicant3")))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThatThrownBy(() -> this.applications.summary(id, Actor.reviewer("reviewer-health", "health")))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThatThrownBy(() -> this.applications.summary(id,
				Actor.applicant("applicant2", Subject.person(ResidentId.of(Matters.BUYER)))))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThatThrownBy(() -> this.applications.summary(new ApplicationId(UUID.randomUUID()), Actor.system()))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
	}

	private static ApplicationId idOf(JsonNode application) {
		return new ApplicationId(UUID.fromString(application.path("id").asString()));
	}

}
