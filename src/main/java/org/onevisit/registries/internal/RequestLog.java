package org.onevisit.registries.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.onevisit.registries.RegistryControl.AnsweredRequest;
import org.onevisit.shared.Sm3;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every request the demo registries answered, OneVisit's or anyone's, in their own table:
 * what a department compares with OneVisit's access ledger. No subject is kept, only the
 * request's id, signer and outcome, and the hash of its exact bytes.
 */
final class RequestLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String registry, String kind, String requestId, String keyId, int status, String outcome, byte[] body) {
		this.jdbc.sql("""
				insert into registries_request_log (registry, at, kind, request_id, key_id, status, outcome, body_hash)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(registry, Timestamp.from(this.clock.instant()), kind, requestId, keyId, status, outcome,
					HexFormat.of().formatHex(Sm3.hash(body)))
			.update();
	}

	List<AnsweredRequest> answeredBy(String registry, int limit) {
		return this.jdbc.sql("""
				select at, kind, request_id, key_id, status, outcome, body_hash from registries_request_log
				where registry = ? order by seq desc limit ?
				""")
			.params(registry, limit)
			.query((row, rowNum) -> new AnsweredRequest(row.getTimestamp("at").toInstant(), row.getString("kind"),
					row.getString("request_id"), row.getString("key_id"), row.getInt("status"),
					row.getString("outcome"), row.getString("body_hash")))
			.list();
	}

}
