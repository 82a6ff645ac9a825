package org.onevisit.benefits.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Which policies are switched on, and every switch ever made: the state keeps only the
 * latest switch (the page shows it), the log keeps them all, because a policy grants
 * money.
 */
@Repository
class PolicySwitches {

	/** An administrator switching a policy on or off. */
	record PolicySwitch(String policy, boolean on, String by, Instant at) {
	}

	private final JdbcClient jdbc;

	PolicySwitches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Off until someone switches it on. */
	boolean isOn(String policy) {
		return this.jdbc
			.sql("select coalesce((select active from benefits_policy_state where policy = :policy), false)")
			.param("policy", policy)
			.query(Boolean.class)
			.single();
	}

	/** The policy's state becomes this switch, replacing the one before. */
	void switchTo(PolicySwitch change) {
		bound(this.jdbc
			.sql("""
					insert into benefits_policy_state (policy, active, switched_by, switched_at) values (:policy, :active, :by, :at)
					on conflict (policy) do update set active = excluded.active, switched_by = excluded.switched_by,
					    switched_at = excluded.switched_at
					"""),
				change)
			.update();
	}

	/** Appends the switch to the audit log, which is never changed afterwards. */
	void log(PolicySwitch change) {
		bound(this.jdbc.sql("""
				insert into benefits_policy_switch (policy, active, switched_by, switched_at)
				values (:policy, :active, :by, :at)
				"""), change).update();
	}

	void ranAt(String policy, Instant at) {
		this.jdbc.sql("update benefits_policy_state set last_run_at = :at where policy = :policy")
			.param("at", Timestamp.from(at))
			.param("policy", policy)
			.update();
	}

	private static StatementSpec bound(StatementSpec statement, PolicySwitch change) {
		return statement.param("policy", change.policy())
			.param("active", change.on())
			.param("by", change.by())
			.param("at", Timestamp.from(change.at()));
	}

}
