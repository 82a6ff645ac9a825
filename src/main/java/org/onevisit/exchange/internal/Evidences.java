package org.onevisit.exchange.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.privacy.PersonalData;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registry answers kept as evidence: one row per query, naming the registry's signed
 * answer (kept once per request, as received), so that anyone can later check what the
 * registry said.
 */
@Component
class Evidences {

	private static final TypeReference<List<Map<String, Object>>> RECORDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	private final PersonalData personalData;

	Evidences(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, PersonalData personalData) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
		this.personalData = personalData;
	}

	// a registry's answer and what was read from it name people: sealed, bound to their
	// row
	private static String answerContext(String requestId) {
		return "exchange_answer.body/" + requestId;
	}

	private static String subjectContext(UUID id) {
		return "exchange_evidence.subject/" + id;
	}

	private static String recordsContext(UUID id) {
		return "exchange_evidence.records/" + id;
	}

	/** One registry's answer to one query. */
	record Evidence(UUID id, String reference, String requestedBy, String element, String subject, String registry,
			String requestId, RegistryAnswer.Status status, Instant updatedAt, String note,
			List<Map<String, Object>> records, byte[] answer, String keyId, String signature, Instant fetchedAt) {
	}

	void save(List<Evidence> evidence) {
		// each answer once, however many of its queries became evidence
		Map<String, Evidence> answers = new LinkedHashMap<>();
		evidence.forEach((e) -> answers.putIfAbsent(e.requestId(), e));
		this.batch.batchUpdate("""
				insert into exchange_answer (request_id, registry, body, key_id, signature, received_at)
				values (?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing
				""",
				answers.values()
					.stream()
					.map((e) -> new Object[] { e.requestId(), e.registry(),
							this.personalData.sealBytes(e.answer(), answerContext(e.requestId())), e.keyId(),
							e.signature(), Timestamp.from(e.fetchedAt()) })
					.toList());
		this.batch.batchUpdate("""
				insert into exchange_evidence (id, reference, requested_by, element, subject, registry, request_id,
				    status, updated_at, note, records, fetched_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""",
				evidence.stream()
					.map((e) -> new Object[] { e.id(), e.reference(), e.requestedBy(), e.element(),
							this.personalData.seal(e.subject(), subjectContext(e.id())), e.registry(), e.requestId(),
							e.status().name(), (e.updatedAt() != null) ? Timestamp.from(e.updatedAt()) : null,
							// the note typed even when null (ADR 18)
							new SqlParameterValue(Types.VARCHAR, e.note()),
							this.personalData.seal(this.json.writeValueAsString(e.records()), recordsContext(e.id())),
							Timestamp.from(e.fetchedAt()) })
					.toList());
	}

	Optional<Evidence> find(UUID id) {
		return this.jdbc.sql("""
				select e.*, a.body as answer, a.key_id, a.signature
				from exchange_evidence e join exchange_answer a on a.request_id = e.request_id
				where e.id = :id
				""").param("id", id).query((row, rowNum) -> {
			UUID evidence = row.getObject("id", UUID.class);
			String requestId = row.getString("request_id");
			return new Evidence(evidence, row.getString("reference"), row.getString("requested_by"),
					row.getString("element"),
					this.personalData.open(row.getString("subject"), subjectContext(evidence)),
					row.getString("registry"), requestId, RegistryAnswer.Status.valueOf(row.getString("status")),
					Optional.ofNullable(row.getTimestamp("updated_at")).map(Timestamp::toInstant).orElse(null),
					row.getString("note"),
					this.json.readValue(this.personalData.open(row.getString("records"), recordsContext(evidence)),
							RECORDS),
					this.personalData.openBytes(row.getBytes("answer"), answerContext(requestId)),
					row.getString("key_id"), row.getString("signature"), row.getTimestamp("fetched_at").toInstant());
		}).optional();
	}

}
