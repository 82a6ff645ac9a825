package org.onevisit.approvals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onevisit.applications.Eligibility;
import org.onevisit.approvals.ApprovalTrace;
import org.onevisit.approvals.RuleEvaluation;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.exchange.RegistryReads;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.Subject;

import org.springframework.stereotype.Service;

/**
 * Judges conditions of eligibility in the language of instant approval, on the
 * registries' data read at once for each item that has conditions (one request per
 * registry), on the filer's or the reviewer's behalf.
 */
@Service
class EligibilityChecks implements Eligibility {

	private final RegistryReads registries;

	private final Clock clock;

	EligibilityChecks(RegistryReads registries, Clock clock) {
		this.registries = registries;
		this.clock = clock;
	}

	@Override
	public List<Judgement> judge(List<Concern> concerns, Subject filer, String partner, String onBehalfOf,
			String reference) {
		List<Judgement> judged = new ArrayList<>();
		for (Concern concern : concerns) {
			ServiceItem item = concern.item();
			if (item.eligibility().isEmpty()) {
				continue;
			}
			Map<ApprovalRule, DataQuery> queries = new HashMap<>();
			for (ApprovalRule condition : item.eligibility()) {
				if (condition.onData()) {
					Object of = (condition.of() != null) ? concern.form().get(condition.of()) : null;
					String subject = (of != null && !of.toString().isBlank()) ? of.toString().strip()
							: filer.identifier();
					queries.put(condition, new DataQuery(condition.element(), subject));
				}
			}
			Map<DataQuery, DataReading> readings = new HashMap<>();
			if (!queries.isEmpty()) {
				List<DataQuery> asked = queries.values().stream().distinct().toList();
				this.registries
					.read(onBehalfOf, item.departmentCode(), item.code(), reference,
							Sentence.of("eligibility.purpose", item.name()).stored(), asked)
					.forEach((reading) -> readings.put(reading.query(), reading));
			}
			List<ApprovalTrace.Line> lines = RuleEvaluation.judge(item.eligibility(), concern.form(),
					(condition) -> readings.get(queries.get(condition)), LocalDate.now(this.clock),
					this.clock.getZone(), filer.identifier(), partner);
			for (int i = 0; i < lines.size(); i++) {
				ApprovalTrace.Line line = lines.get(i);
				judged.add(new Judgement(item.code(), item.eligibility().get(i), verdict(line.verdict()), line.text()));
			}
		}
		return judged;
	}

	private static Verdict verdict(ApprovalTrace.Verdict verdict) {
		return switch (verdict) {
			case HOLDS -> Verdict.HOLDS;
			case FAILS -> Verdict.FAILS;
			case UNKNOWN -> Verdict.UNKNOWN;
		};
	}

}
