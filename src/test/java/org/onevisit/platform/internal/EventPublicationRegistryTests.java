package org.onevisit.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.onevisit.platform.OnlyWhen;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events between modules go through the JDBC event publication registry (the
 * transactional outbox): a publication is written in the publisher's transaction and
 * deleted in the transaction in which its listener handled it, so a crash in between
 * leaves it to be resubmitted rather than lost (ADR 4).
 */
@SpringBootTest
@Import(EventPublicationRegistryTests.Recorder.class)
class EventPublicationRegistryTests {

	record Pinged(String id) {
	}

	record Refused(String id) {
	}

	record Knocked(String id, String at) {
	}

	@TestConfiguration
	static class Recorder {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		private final Map<String, String> statusSeenByListener = new ConcurrentHashMap<>();

		private final JdbcClient jdbc;

		private final EventSerializer serializer;

		private final String door;

		Recorder(JdbcClient jdbc, EventSerializer serializer) {
			this.jdbc = jdbc;
			this.serializer = serializer;
			this.door = "front";
		}

		@ApplicationModuleListener(id = "test.recorder")
		void on(Pinged event) {
			this.statusSeenByListener.put(event.id(), statusOfPublication(event.id()));
			this.seen.add(event.id());
		}

		@ApplicationModuleListener(id = "test.refuser")
		void on(Refused event) {
			this.seen.add(event.id());
			throw new IllegalStateException("refused " + event.id());
		}

		@ApplicationModuleListener(id = "test.doorman")
		@OnlyWhen("expects")
		void on(Knocked event) {
			this.seen.add(event.id());
		}

		/** Asked of the bean itself: a proxy's own field would be empty. */
		boolean expects(Knocked event) {
			return this.door.equals(event.at());
		}

		private String statusOfPublication(String id) {
			return this.jdbc.sql("select status from event_publication where serialized_event in (:events)")
				.param("events", serializedAs(this.serializer, id))
				.query(String.class)
				.single();
		}

		// read through methods: the bean is a proxy whose own fields are empty
		List<String> seen() {
			return this.seen;
		}

		String statusSeenByListener(String id) {
			return this.statusSeenByListener.get(id);
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

	@Autowired
	EventSerializer serializer;

	/**
	 * The test's events with this id as the outbox stores them: sealed, the same way each
	 * time (which is how Modulith finds a publication again), so a test finds them as
	 * Modulith does.
	 */
	static List<Object> serializedAs(EventSerializer serializer, String id) {
		return List.of(serializer.serialize(new Pinged(id)), serializer.serialize(new Refused(id)));
	}

	@Test
	void writesAPublicationInThePublishersTransactionAndDeletesItOnceHandled() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		String recordedFor = this.transactions.execute((status) -> {
			this.events.publishEvent(new Pinged(id));
			return this.jdbc.sql("select listener_id from event_publication where serialized_event in (:events)")
				.param("events", serializedAs(this.serializer, id))
				.query(String.class)
				.single();
		});

		assertThat(recordedFor).isEqualTo("test.recorder");
		awaitHandled(id);
		assertThat(this.recorder.seen()).containsOnlyOnce(id);
		assertThat(publications(id)).isZero();
	}

	@Test
	void handsThePublicationToItsListenerWithoutMarkingItProcessingFirst() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Pinged(id)));

		awaitHandled(id);
		// Spring Modulith 2.1 would have committed PROCESSING before the listener began
		assertThat(this.recorder.statusSeenByListener(id)).isEqualTo("PUBLISHED");
	}

	@Test
	void marksThePublicationFailedAndKeepsItWhenTheListenerFails() throws InterruptedException {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Refused(id)));

		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!"FAILED".equals(statusOf(id)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.recorder.seen()).contains(id);
		assertThat(statusOf(id)).isEqualTo("FAILED");
		assertThat(publications(id)).isOne();
		// or the outbox's retry would hand it to the refusing listener every minute
		this.jdbc.sql("delete from event_publication where serialized_event in (:events)")
			.param("events", serializedAs(this.serializer, id))
			.update();
	}

	@Test
	void writesAPublicationOnlyForTheEventsItsListenersConditionAccepts() throws InterruptedException {
		String back = UUID.randomUUID().toString();
		String front = UUID.randomUUID().toString();

		int recorded = this.transactions.execute((status) -> {
			this.events.publishEvent(new Knocked(back, "back"));
			this.events.publishEvent(new Knocked(front, "front"));
			return this.jdbc.sql("select count(*) from event_publication where listener_id = 'test.doorman'")
				.query(Integer.class)
				.single();
		});

		assertThat(recorded).isOne();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!this.recorder.seen().contains(front) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(this.recorder.seen()).contains(front).doesNotContain(back);
	}

	@Test
	void writesNoPublicationWhenThePublishersTransactionRollsBack() {
		String id = UUID.randomUUID().toString();

		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new Pinged(id));
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("select count(*) from event_publication where serialized_event in (:events)")
			.param("events", serializedAs(this.serializer, id))
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.recorder.seen()).doesNotContain(id);
	}

	private void awaitHandled(String id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while ((!this.recorder.seen().contains(id) || publications(id) > 0) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
	}

	private String statusOf(String id) {
		return this.jdbc.sql("select status from event_publication where serialized_event in (:events)")
			.param("events", serializedAs(this.serializer, id))
			.query(String.class)
			.single();
	}

	private int publications(String id) {
		return this.jdbc.sql("select count(*) from event_publication where serialized_event in (:events)")
			.param("events", serializedAs(this.serializer, id))
			.query(Integer.class)
			.single();
	}

}
