package org.onevisit.approvals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.approvals.ApprovalTrace;
import org.onevisit.approvals.ApprovalTraces.Rate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The traces of instant approval, one per task, written once when its rules are judged.
 */
@Repository
class Traces {

	private static final TypeReference<List<ApprovalTrace.Line>> LINES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Traces(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Whether the task's rules were judged already. */
	boolean existFor(UUID task) {
		return this.jdbc.sql("select count(*) from approvals_trace where task_id = :task")
			.param("task", task)
			.query(Long.class)
			.single() > 0;
	}

	/** Stores the trace; true when this evaluation is the first for the task. */
	boolean insertFirst(ApprovalTrace trace) {
		return this.jdbc.sql("""
				insert into approvals_trace (task_id, application_id, item_code, outcome, lines, evaluated_at,
				    evaluation_micros)
				values (:task, :application, :item, :outcome, cast(:lines as jsonb), :at, :micros)
				on conflict (task_id) do nothing
				""")
			.param("task", trace.task())
			.param("application", trace.application())
			.param("item", trace.itemCode())
			.param("outcome", trace.outcome().name())
			.param("lines", this.json.writeValueAsString(trace.lines()))
			.param("at", Timestamp.from(trace.evaluatedAt()))
			.param("micros", trace.evaluationMicros())
			.update() == 1;
	}

	/**
	 * Tasks of the items (all when null) evaluated from one instant until before another,
	 * and how many of them were approved instantly.
	 */
	Rate rate(Set<String> itemCodes, Instant from, Instant until) {
		return this.jdbc.sql("""
				select count(*) as evaluated, count(*) filter (where outcome = 'APPROVED_INSTANTLY') as instant
				from approvals_trace
				where evaluated_at >= :from and evaluated_at < :to
				  and (:everyItem or item_code = any (cast(:items as text[])))
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(until))
			// never a null array: one of no type and one of strings are two statements
			// to the driver (ADR 18)
			.param("everyItem", itemCodes == null)
			.param("items", (itemCodes != null) ? itemCodes.toArray(String[]::new) : new String[0])
			.query((row, n) -> new Rate(row.getLong("evaluated"), row.getLong("instant")))
			.single();
	}

	List<ApprovalTrace> ofApplication(ApplicationId application) {
		return this.jdbc.sql("select * from approvals_trace where application_id = :application order by item_code")
			.param("application", application.value())
			.query(this::trace)
			.list();
	}

	private ApprovalTrace trace(ResultSet row, int rowNum) throws SQLException {
		return new ApprovalTrace(row.getObject("task_id", UUID.class), row.getObject("application_id", UUID.class),
				row.getString("item_code"), ApprovalTrace.Outcome.valueOf(row.getString("outcome")),
				this.json.readValue(row.getString("lines"), LINES), row.getTimestamp("evaluated_at").toInstant(),
				row.getLong("evaluation_micros"));
	}

}
