package org.onevisit.exchange.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.shared.Subject;
import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.LedgerVerification;
import org.onevisit.exchange.PrefillRequest;
import org.onevisit.exchange.PrefillRefused;
import org.onevisit.exchange.Prefilled;
import org.onevisit.exchange.Prefilled.MaterialPreview;
import org.onevisit.platform.Sentences;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pre-filling for applicants and clerks, the citizen's data-access log, and the ledger's
 * verification for administrators.
 */
@RestController
@Tag(name = "Data exchange", description = "Pre-filling from department registries, my data accesses, the ledger")
class ExchangeApiController {

	private final DataExchange exchange;

	private final Sentences sentences;

	private final WindowIdentityChecks identityChecks;

	ExchangeApiController(DataExchange exchange, Sentences sentences, WindowIdentityChecks identityChecks) {
		this.identityChecks = identityChecks;
		this.exchange = exchange;
		this.sentences = sentences;
	}

	record Applicant(String residentId, String creditCode) {
	}

	/**
	 * {@code hallCode}: where a clerk works, and checked the applicant's identity today.
	 */
	record PrefillBody(String itemCode, String bundleCode, Applicant applicant, Map<String, Object> form,
			String hallCode) {
	}

	@PostMapping("/api/v1/prefills")
	@Operation(summary = "Pre-fill an item's or a bundle's form and preview its shared-data materials; "
			+ "the answer's evidence ids go into the submission's evidence")
	Prefilled prefill(@AuthenticationPrincipal OneVisitUser user, @RequestBody PrefillBody body, Locale locale) {
		Subject applicant = applicantFor(user, body.applicant());
		if (user.hasRole(Role.CLERK)) {
			// a clerk reads the data only of the person whose identity was checked at
			// the window
			this.identityChecks.requireCheckedToday(body.hallCode(), applicant.identifier());
		}
		if ((body.itemCode() == null) == (body.bundleCode() == null)) {
			throw new PrefillRefused("prefill_invalid", "name exactly one item or one bundle");
		}
		Prefilled prefilled = this.exchange.prefill(
				new PrefillRequest(user.getUsername(), applicant, body.itemCode(), body.bundleCode(), body.form()));
		// the notes are answered as sentences in the caller's language, as the page shows
		// them
		return new Prefilled(prefilled.reference(), prefilled.form(), prefilled.sources(), prefilled.materials()
			.stream()
			.map((m) -> new MaterialPreview(m.code(), m.name(), m.element(), m.registryName(), m.subject(), m.outcome(),
					m.evidenceId(), m.updatedAt(), this.sentences.render(m.note(), locale), m.records()))
			.toList(), renderedMatches(prefilled.matches(), locale));
	}

	private Map<String, String> renderedMatches(Map<String, String> matches, Locale locale) {
		Map<String, String> rendered = new LinkedHashMap<>();
		matches.forEach((field, answer) -> rendered.put(field, this.sentences.render(answer, locale)));
		return rendered;
	}

	@GetMapping("/api/v1/my/data-accesses")
	@Operation(summary = "Who read my data, when, what and for which application ")
	List<AccessEntry> myAccesses(@AuthenticationPrincipal OneVisitUser user, Locale locale) {
		String me = user.subject()
			.map(Subject::identifier)
			.orElseThrow(() -> new AccessDeniedException("only a person or a business has data"));
		return this.exchange.accessesTo(me, 500)
			.stream()
			.map((e) -> new AccessEntry(e.seq(), e.at(), e.actor(), e.consumer(), e.subject(), e.registry(),
					e.elements(), e.reference(), this.sentences.render(e.purpose(), locale), e.outcome()))
			.toList();
	}

	@GetMapping("/api/v1/admin/ledger/verification")
	@Operation(summary = "Verify the whole access ledger: intact, or the first entry altered, removed or reordered")
	LedgerVerification verifyLedger() {
		return this.exchange.verifyLedger();
	}

	/** An applicant pre-fills for themselves; a clerk for the person in front of them. */
	static Subject applicantFor(OneVisitUser user, Applicant given) {
		if (user.hasRole(Role.CLERK)) {
			if (given == null || (given.residentId() == null) == (given.creditCode() == null)) {
				throw new PrefillRefused("applicant_invalid", "name the applicant by residentId or creditCode");
			}
			return (given.residentId() != null) ? Subject.person(ResidentId.of(given.residentId()))
					: Subject.business(CreditCode.of(given.creditCode()));
		}
		return user.subject().orElseThrow(() -> new AccessDeniedException("only applicants and clerks pre-fill"));
	}

}
