package org.onevisit.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitServer;
import org.onevisit.Superuser;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.Uploads;
import org.onevisit.licences.LicenceWallet;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each statement reaches the server in one shape, whichever of its parameters are null
 * (ADR 18). The driver prepares a statement for the types of its parameters: a text bound
 * as a string in one call and as a null of no type in the next made it parse the
 * statement again, and the server plan it anew, on every call that switched (a notice to
 * a person, then one to a business). The server's statistics count each shape of a
 * statement apart, so a statement seen in two shapes is one whose parameters switch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.db.embedded.settings.shared_preload_libraries=pg_stat_statements" })
class PreparedStatementShapesTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	Uploads uploads;

	@Autowired
	LicenceWallet licences;

	@Autowired
	DataSource dataSource;

	@Test
	void mattersFromFilingToTheirLicencesAndNoticesSendEachStatementInOneShape() {
		JdbcClient superuser = Superuser.of(this.dataSource).jdbc();
		superuser.sql("create extension if not exists pg_stat_statements").update();
		superuser.sql("select pg_stat_statements_reset()").query(Object.class).list();

		// a person files; the licences go to the new business and to the person: notices
		// and holders of both kinds
		for (int restaurant = 0; restaurant < 2; restaurant++) {
			Application filed = MattersInProcess.fileARestaurant(this.applications, this.uploads,
					"形状小馆" + UUID.randomUUID().toString().substring(0, 8));
			assertThat(MattersInProcess.approveUntilDone(this.applications, filed).status())
				.isEqualTo(ApplicationStatus.APPROVED);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.licences.issuedFor(filed.trackingNumber())).hasSize(3));
		}
		// at a hall window
		Application search = MattersInProcess.recordsSearchAtTheWestHall(this.applications);
		MattersInProcess.approveEveryStep(this.applications, search);
		// through the API: two parties confirm, a fee is paid, the registry writes back
		Matters matters = this.server.matters(this.server.http());
		JsonNode transfer = matters.payThroughTheSimulator(matters.approveAll(matters.fileFlatTransfer()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.licences.issuedFor(transfer.path("trackingNo").asString())).isNotEmpty());

		List<String> inTwoShapes = superuser.sql("""
				select min(query) from pg_stat_statements
				where userid <> (select oid from pg_roles where rolname = 'postgres')
				group by query having count(distinct queryid) > 1
				""").query(String.class).list();
		assertThat(inTwoShapes).isEmpty();
	}

}
