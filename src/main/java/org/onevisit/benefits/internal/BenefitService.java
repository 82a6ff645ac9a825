package org.onevisit.benefits.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.ConfigurationChanged;
import org.onevisit.benefits.BenefitRefused;
import org.onevisit.benefits.Benefits;
import org.onevisit.benefits.BenefitsGiven;
import org.onevisit.benefits.Grant;
import org.onevisit.benefits.Policy;
import org.onevisit.benefits.Simulation;
import org.onevisit.benefits.internal.PolicySwitches.PolicySwitch;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class BenefitService implements Benefits {

	private static final Logger log = LoggerFactory.getLogger(BenefitService.class);

	private static final int SAMPLES = 5;

	private final PolicyBook book;

	private final Candidates candidates;

	private final PolicySwitches switches;

	private final Grants grants;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecurityLog securityLog;

	BenefitService(PolicyBook book, Candidates candidates, PolicySwitches switches, Grants grants,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.book = book;
		this.candidates = candidates;
		this.switches = switches;
		this.grants = grants;
		this.events = events;
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
		return this.switches.isOn(policy);
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
	@Transactional
	public void switchOn(String policy, String by) {
		switchTo(known(policy), true, by);
	}

	@Override
	@Transactional
	public void switchOff(String policy, String by) {
		switchTo(known(policy), false, by);
	}

	/**
	 * The administrator's switch, with its audit row beside it: the state shows the
	 * latest switch, the log keeps every one. The pages ask for the ADMIN role before
	 * calling.
	 */
	private void switchTo(Policy policy, boolean on, String by) {
		PolicySwitch change = new PolicySwitch(policy.code(), on, by, this.clock.instant());
		this.switches.switchTo(change);
		this.switches.log(change);
		this.securityLog.record(new ConfigurationChanged(by, "benefit policy " + policy.code(), on ? "on" : "off"));
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
			List<Subject> recipients = new ArrayList<>();
			for (Candidates.Judged person : qualifying) {
				boolean isNew = this.grants.addOnce(policy, person.subject(), policy.firstStatus(), person.reasoning(),
						now);
				if (isNew) {
					added++;
					recipients.add(Subject.person(ResidentId.of(person.subject())));
				}
			}
			if (!recipients.isEmpty()) {
				this.events.publishEvent(new BenefitsGiven(policy.code(), policy.name(), policy.benefit(),
						policy.mode(), recipients, now));
			}
			this.switches.ranAt(policy.code(), now);
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
		return this.grants.of(person.person().value());
	}

	@Override
	public Grant accept(UUID id, Subject person) {
		String subject = (person.person() != null) ? person.person().value() : "";
		boolean accepted = this.grants.acceptOffer(id, subject, this.clock.instant());
		Grant grant = this.grants.find(id, subject).orElseThrow(BenefitRefused::grantNotFound);
		// accepting what is already accepted changes nothing and is no error
		if (!accepted && grant.status() != Grant.Status.ACCEPTED) {
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

}
