package org.onevisit.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules go through the JDBC event publication registry (the
 * transactional outbox): a publication is written in the publisher's transaction and
 * completed once its listener has handled it, so a crash in between leaves it to be
 * resubmitted rather than lost.
 */
@SpringBootTest
@Import(EventPublicationRegistryTests.Recorder.class)
class EventPublicationRegistryTests {

	record Pinged(String id) {
	}

	record Refused(String id) {
	}

	@TestConfiguration
	static class Recorder {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		private final Map<String, Long> transactions = new ConcurrentHashMap<>();

		private final JdbcClient jdbc;

		Recorder(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@ApplicationModuleListener(id = "test.recorder")
		void on(Pinged event) {
			this.transactions.put(event.id(), currentTransaction());
			this.seen.add(event.id());
		}

		@ApplicationModuleListener(id = "test.refuser")
		void on(Refused event) {
			this.transactions.put(event.id(), currentTransaction());
			throw new IllegalStateException("refused " + event.id());
		}

		// the 32-bit id a row's xmin holds, of the transaction this listener runs in
		private long currentTransaction() {
			return this.jdbc.sql("select pg_current_xact_id()::text::bigint % 4294967296").query(Long.class).single();
		}

		Long transactionOf(String id) {
			return this.transactions.get(id);
		}

		// read through a method: the bean is a proxy whose own fields are empty
		List<String> seen() {
			return this.seen;
		}

	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Recorder recorder;

	@Test
	void writesAPublicationInThePublishersTransactionAndCompletesItOnceHandled() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Pinged(id)));

		awaitCompletion(id);
		assertThat(this.recorder.seen()).containsOnlyOnce(id);
		assertThat(this.jdbc.sql("select listener_id from event_publication where serialized_event like :id")
			.param("id", "%" + id + "%")
			.query(String.class)
			.single()).isEqualTo("test.recorder");
		assertThat(isCompleted(id)).isTrue();
	}

	@Test
	void completesThePublicationInTheTransactionThatHoldsTheListenersWork() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Pinged(id)));

		awaitCompletion(id);
		assertThat(this.jdbc.sql("select xmin::text::bigint from event_publication where serialized_event like :id")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(this.recorder.transactionOf(id));
	}

	@Test
	void marksThePublicationFailedAndLeavesItIncompleteWhenTheListenerFails() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Refused(id)));

		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!"FAILED".equals(statusOf(id)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.recorder.transactionOf(id)).isNotNull();
		assertThat(statusOf(id)).isEqualTo("FAILED");
		assertThat(isCompleted(id)).isFalse();
		// or the outbox's retry would hand it to the refusing listener every minute
		this.jdbc.sql("delete from event_publication where serialized_event like :id")
			.param("id", "%" + id + "%")
			.update();
	}

	@Test
	void writesNoPublicationWhenThePublishersTransactionRollsBack() {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new Pinged(id));
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("select count(*) from event_publication where serialized_event like :id")
			.param("id", "%" + id + "%")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.recorder.seen()).doesNotContain(id);
	}

	private void awaitCompletion(String id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!isCompleted(id) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
	}

	private String statusOf(String id) {
		return this.jdbc.sql("select status from event_publication where serialized_event like :id")
			.param("id", "%" + id + "%")
			.query(String.class)
			.single();
	}

	private boolean isCompleted(String id) {
		return this.jdbc.sql(
				"select count(*) from event_publication where serialized_event like :id and completion_date is not null")
			.param("id", "%" + id + "%")
			.query(Integer.class)
			.single() == 1;
	}

}
