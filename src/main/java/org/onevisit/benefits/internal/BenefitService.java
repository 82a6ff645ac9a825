package org.onevisit.benefits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.shared.Subject;
import org.onevisit.benefits.BenefitRefused;
import org.onevisit.benefits.Benefits;
import org.onevisit.benefits.Grant;
import org.onevisit.benefits.Policy;
import org.onevisit.benefits.Simulation;
import org.onevisit.messages.Notifications;
import org.onevisit.messages.Notifications.Notice;
import org.onevisit.shared.ResidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class BenefitService implements Benefits {

	private static final Logger log = LoggerFactory.getLogger(BenefitService.class);

	private static final int SAMPLES = 5;

	private final PolicyBook book;

	private final Candidates candidates;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BenefitService(PolicyBook book, Candidates candidates, JdbcClient jdbc, Notifications notifications,
			TransactionTemplate transactions, Clock clock) {
		this.book = book;
		this.candidates = candidates;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public List<Policy> policies() {
		return this.book.all();
	}

	@Override
	public Optional<Policy> policy(String code) {
		return this.book.find(code);
	}

	@Override
	public boolean active(String policy) {
		return this.jdbc
			.sql("select coalesce((select active from benefits_policy_state where policy = :policy), false)")
			.param("policy", policy)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Simulation simulate(String code) {
		Policy policy = known(code);
		long started = System.nanoTime();
		List<Candidates.Judged> judged = this.candidates.judge(policy, LocalDate.now(this.clock));
		List<Simulation.Sample> samples = new ArrayList<>();
		List<Simulation.Sample> missed = new ArrayList<>();
		int qualifying = 0;
		int missing = 0;
		for (Candidates.Judged person : judged) {
			if (person.qualifies()) {
				qualifying++;
				if (samples.size() < SAMPLES) {
					samples.add(new Simulation.Sample(masked(person.subject()), person.reasoning()));
				}
			}
			else if (person.missed()) {
				missing++;
				if (missed.size() < SAMPLES) {
					missed.add(new Simulation.Sample(masked(person.subject()), person.reasoning()));
				}
			}
		}
		return new Simulation(code, judged.size(), qualifying, samples, missing, missed,
				(System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public void switchOn(String policy, String by) {
		switchTo(known(policy), true, by);
	}

	@Override
	public void switchOff(String policy, String by) {
		switchTo(known(policy), false, by);
	}

	private void switchTo(Policy policy, boolean active, String by) {
		this.jdbc
			.sql("""
					insert into benefits_policy_state (policy, active, switched_by, switched_at) values (:policy, :active, :by, :at)
					on conflict (policy) do update set active = excluded.active, switched_by = excluded.switched_by,
					    switched_at = excluded.switched_at
					""")
			.param("policy", policy.code())
			.param("active", active)
			.param("by", by)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	@SchedulerLock(name = "benefit-policies")
	@Scheduled(fixedDelayString = "${onevisit.benefits.run-interval:PT6H}", initialDelayString = "PT1M")
	void runActive() {
		for (Policy policy : this.book.all()) {
			try {
				run(policy.code());
			}
			catch (RuntimeException ex) {
				log.warn("Policy {} did not run; it runs again at the next interval", policy.code(), ex);
			}
		}
	}

	@Override
	public int run(String code) {
		Policy policy = known(code);
		if (!active(code)) {
			return 0;
		}
		List<Candidates.Judged> qualifying = this.candidates.judge(policy, LocalDate.now(this.clock))
			.stream()
			.filter(Candidates.Judged::qualifies)
			.toList();
		Integer granted = this.transactions.execute((status) -> {
			int added = 0;
			Instant now = this.clock.instant();
			List<Notice> notices = new ArrayList<>();
			for (Candidates.Judged person : qualifying) {
				boolean isNew = this.jdbc.sql("""
						insert into benefits_grant (id, policy, subject, status, reason, created_at)
						values (:id, :policy, :subject, :status, :reason, :at)
						on conflict (policy, subject) do nothing
						""")
					.param("id", UUID.randomUUID())
					.param("policy", policy.code())
					.param("subject", person.subject())
					.param("status", (policy.mode() == Policy.Mode.GRANT) ? "GRANTED" : "OFFERED")
					.param("reason", person.reasoning())
					.param("at", Timestamp.from(now))
					.update() == 1;
				if (isNew) {
					added++;
					notices.add(new Notice(Subject.person(ResidentId.of(person.subject())),
							"benefit:" + policy.code() + ":" + person.subject(),
							(policy.mode() == Policy.Mode.GRANT) ? "message.benefitGranted" : "message.benefitOffered",
							List.of(policy.name(), policy.benefit()), "/my/benefits"));
				}
			}
			this.notifications.send(notices);
			this.jdbc.sql("update benefits_policy_state set last_run_at = :at where policy = :policy")
				.param("at", Timestamp.from(now))
				.param("policy", policy.code())
				.update();
			return added;
		});
		log.info("Policy {}: {} qualify, {} newly granted or offered", code, qualifying.size(), granted);
		return (granted != null) ? granted : 0;
	}

	@Override
	public List<Grant> grantsOf(Subject person) {
		if (person.person() == null) {
			return List.of();
		}
		return this.jdbc.sql("select * from benefits_grant where subject = :subject order by created_at desc")
			.param("subject", person.person().value())
			.query(this::grant)
			.list();
	}

	@Override
	public Grant accept(UUID id, Subject person) {
		String subject = (person.person() != null) ? person.person().value() : "";
		int accepted = this.jdbc.sql("""
				update benefits_grant set status = 'ACCEPTED', accepted_at = :at
				where id = :id and subject = :subject and status = 'OFFERED'
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("subject", subject)
			.update();
		Grant grant = this.jdbc.sql("select * from benefits_grant where id = :id and subject = :subject")
			.param("id", id)
			.param("subject", subject)
			.query(this::grant)
			.optional()
			.orElseThrow(BenefitRefused::grantNotFound);
		if (accepted == 0 && grant.status() != Grant.Status.ACCEPTED) {
			throw BenefitRefused.grantNotFound();
		}
		return grant;
	}

	private Policy known(String code) {
		return this.book.find(code).orElseThrow(() -> BenefitRefused.unknownPolicy(code));
	}

	private static String masked(String subject) {
		return ResidentId.isValid(subject) ? ResidentId.of(subject).masked() : "******";
	}

	private Grant grant(ResultSet row, int number) throws SQLException {
		Policy policy = this.book.find(row.getString("policy")).orElse(null);
		Timestamp accepted = row.getTimestamp("accepted_at");
		return new Grant(row.getObject("id", UUID.class), row.getString("policy"),
				(policy != null) ? policy.name() : row.getString("policy"), (policy != null) ? policy.benefit() : "",
				row.getString("subject"), Grant.Status.valueOf(row.getString("status")), row.getString("reason"),
				row.getTimestamp("created_at").toInstant(), (accepted != null) ? accepted.toInstant() : null);
	}

}
