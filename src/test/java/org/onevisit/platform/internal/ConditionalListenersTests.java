package org.onevisit.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener with nothing to do for an event is not recorded in the outbox for it: each
 * publication is an insert, a transaction of its own and a completion, and most filings
 * concern few of the modules that listen to filings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConditionalListenersTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsOnlyTheListenersThatHaveSomethingToDoWithAFiling() throws InterruptedException {
		Matters matters = new Matters(new OneVisitHttp(this.port));
		JsonNode filed = matters.fileFlatTransfer();
		String id = filed.path("id").asString();

		// the flat transfer fetches shared data, and none of its items has approval rules
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("EvidenceCollection"))
			.noneMatch((listener) -> listener.contains("InstantApproval"))
			.noneMatch((listener) -> listener.contains("LicenceIssuance"));

		matters.approveAll(filed);
		// approving it issues the real-estate certificate
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (listenersFor(id).stream().noneMatch((listener) -> listener.contains("LicenceIssuance"))
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(listenersFor(id)).anyMatch((listener) -> listener.contains("LicenceIssuance"));
	}

	private List<String> listenersFor(String application) {
		return this.jdbc.sql("select listener_id from event_publication where serialized_event like :id")
			.param("id", "%" + application + "%")
			.query(String.class)
			.list();
	}

}
