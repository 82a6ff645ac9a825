package org.onevisit.approvals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Eligibility;
import org.onevisit.applications.Filing;
import org.onevisit.applications.Task;
import org.onevisit.applications.TaskStatus;
import org.onevisit.approvals.ApprovalTrace;
import org.onevisit.approvals.ApprovalTraces;
import org.onevisit.approvals.RuleEvaluation;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.DataExchange.DataQuery;
import org.onevisit.exchange.DataExchange.DataReading;
import org.onevisit.platform.Sentence;
import org.onevisit.platform.OnlyWhen;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Evaluates the approval rules of each filed task whose item has them, on data read from
 * the registries at once, and approves the task when all hold.
 */
@Service
class InstantApproval implements ApprovalTraces {

	/**
	 * The id the outbox records this listener's publications under: fixed, so that
	 * renaming the class or the method does not orphan publications not yet handled.
	 */
	static final String ID = "approvals.InstantApproval";

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final DataExchange exchange;

	private final Traces traces;

	private final Clock clock;

	private final EligibilityChecks eligibility;

	InstantApproval(ApplicationManagement applications, Catalogue catalogue, DataExchange exchange, Traces traces,
			Clock clock, EligibilityChecks eligibility) {
		this.eligibility = eligibility;
		this.applications = applications;
		this.catalogue = catalogue;
		this.exchange = exchange;
		this.traces = traces;
		this.clock = clock;
	}

	// most filings have no item with rules: they are not even recorded in the outbox for
	// this listener
	@ApplicationModuleListener(id = InstantApproval.ID)
	@OnlyWhen("concerns")
	void on(ApplicationSubmitted submitted) {
		Application application = this.applications.find(submitted.application(), Actor.system());
		Filing filing = null;
		for (Task task : application.tasks()) {
			ServiceItem item = this.catalogue.item(task.plan().itemCode(), task.plan().itemVersion()).content();
			if (!item.instantlyApprovable() || task.status() != TaskStatus.IN_REVIEW
					|| this.traces.existFor(task.id().value())) {
				continue;
			}
			filing = (filing != null) ? filing : this.applications.filing(application.id());
			evaluate(application, filing, task, item);
		}
	}

	/**
	 * Whether some item of the filing has approval rules (read from the catalogue in
	 * memory).
	 */
	boolean concerns(ApplicationSubmitted submitted) {
		return submitted.items()
			.stream()
			.anyMatch((filed) -> this.catalogue.item(filed.itemCode(), filed.itemVersion())
				.content()
				.instantlyApprovable());
	}

	private void evaluate(Application application, Filing filing, Task task, ServiceItem item) {
		Map<ApprovalRule, DataQuery> queries = new HashMap<>();
		for (ApprovalRule rule : item.approvalRules()) {
			if (rule.onData()) {
				Object of = (rule.of() != null) ? filing.form().get(rule.of()) : null;
				String subject = (of != null && !of.toString().isBlank()) ? of.toString()
						: filing.subject().identifier();
				queries.put(rule, new DataQuery(rule.element(), subject));
			}
		}
		Map<DataQuery, DataReading> readings = new HashMap<>();
		if (!queries.isEmpty()) {
			this.exchange
				.read(item.departmentCode(), item.code(), application.trackingNumber(),
						Sentence.of("approval.purpose", item.name()).stored(), new ArrayList<>(queries.values()))
				.forEach((reading) -> readings.put(reading.query(), reading));
		}
		long started = System.nanoTime();
		List<ApprovalTrace.Line> lines = new ArrayList<>(RuleEvaluation.judge(item.approvalRules(), filing.form(),
				(rule) -> readings.get(queries.get(rule)), LocalDate.now(this.clock), this.clock.getZone()));
		long micros = (System.nanoTime() - started) / 1_000;
		if (!item.eligibility().isEmpty()) {
			// the conditions of eligibility belong to the reasoning: rules never grant
			// what
			// they do not confirm
			this.eligibility
				.judge(List.of(Eligibility.Concern.of(item,
						(filing.bundleCode() != null) ? this.catalogue.bundle(filing.bundleCode()).content() : null,
						filing.form())), filing.subject(), Actor.system().username(), application.trackingNumber())
				.forEach((judged) -> lines.add(new ApprovalTrace.Line(judged.condition().name(),
						ApprovalTrace.Verdict.valueOf(judged.verdict().name()), judged.line())));
		}
		boolean approve = RuleEvaluation.allHold(lines);
		ApprovalTrace trace = new ApprovalTrace(task.id().value(), application.id().value(), item.code(),
				approve ? ApprovalTrace.Outcome.APPROVED_INSTANTLY : ApprovalTrace.Outcome.SENT_TO_REVIEWER, lines,
				this.clock.instant(), micros);
		if (!this.traces.insertFirst(trace)) {
			return;
		}
		if (approve) {
			this.applications.approveByRules(task.id(), trace.reason().stored());
		}
	}

	@Override
	public Rate rate(Set<String> itemCodes, LocalDate from, LocalDate to) {
		return this.traces.rate(itemCodes, from.atStartOfDay(this.clock.getZone()).toInstant(),
				to.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant());
	}

	@Override
	public List<ApprovalTrace> of(ApplicationId application, Actor by) {
		this.applications.find(application, by);
		return this.traces.ofApplication(application);
	}

}
