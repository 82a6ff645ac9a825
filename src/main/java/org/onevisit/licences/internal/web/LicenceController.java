package org.onevisit.licences.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.identity.Actor;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.licences.Licence;
import org.onevisit.licences.LicenceWallet;
import org.onevisit.licences.Verification;
import org.onevisit.platform.PageRefusals;
import org.onevisit.platform.PublicUrl;
import org.onevisit.platform.QrCodes;
import org.onevisit.shared.Subject;
import org.onevisit.transparency.LogEntry;
import org.onevisit.transparency.TransparencyLog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The wallet (我的证照), the printable certificate with its QR code, revocation by the
 * issuing department, and the public verification pages the QR code leads to.
 */
@Controller
class LicenceController {

	private final LicenceWallet wallet;

	private final ApplicationManagement applications;

	private final PageRefusals refusals;

	private final PublicUrl publicUrl;

	private final TransparencyLog log;

	LicenceController(LicenceWallet wallet, ApplicationManagement applications, PageRefusals refusals,
			PublicUrl publicUrl, TransparencyLog log) {
		this.log = log;
		this.wallet = wallet;
		this.applications = applications;
		this.refusals = refusals;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/my/licences")
	String wallet(@AuthenticationPrincipal OneVisitUser user, Model model) {
		List<Licence> licences = user.subject().map(this.wallet::heldBy).orElse(List.of());
		model.addAttribute("licences", licences);
		return "licences/wallet";
	}

	@GetMapping("/licences/{id}")
	String certificate(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, Actor actor, Model model) {
		Licence licence = this.wallet.find(id, user.subject().orElse(null), actor);
		String verificationUrl = baseUrl() + "/verify/licences/" + licence.id();
		model.addAttribute("licence", licence);
		model.addAttribute("verificationUrl", verificationUrl);
		model.addAttribute("qr", QrCodes.qrSvg(verificationUrl));
		model.addAttribute("mayRevoke", !licence.revoked() && licence.reviewedBy(actor));
		return "licences/certificate";
	}

	/**
	 * What an approved application issued, for its applicant: each licence with the QR
	 * code of its public verification page. The applicant need not be the holder (the
	 * seller of a flat files, the buyer holds the new certificate), so the holder is
	 * shown masked.
	 */
	@GetMapping("/my/applications/{id}/licences")
	String results(@PathVariable UUID id, Actor actor, Model model) {
		ApplicationSummary matter = this.applications.summary(new ApplicationId(id), actor);
		model.addAttribute("applicationId", id);
		model.addAttribute("results", this.wallet.issuedFor(matter.trackingNumber())
			.stream()
			.map((licence) -> new Result(licence, QrCodes.qrSvg(baseUrl() + "/verify/licences/" + licence.id())))
			.toList());
		return "licences/results";
	}

	/** An issued licence and the QR code of its verification page. */
	record Result(Licence licence, String qr) {

		public String holder() {
			Subject holder = this.licence.holder();
			return (holder.person() != null) ? holder.person().masked() : holder.business().value();
		}

	}

	@PostMapping("/licences/{id}/revoke")
	String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		if (this.refusals.attempt(() -> this.wallet.revoke(id, reason, actor), redirect, locale)) {
			redirect.addFlashAttribute("notice", "licence.revoked.notice");
		}
		return "redirect:/licences/" + id;
	}

	@GetMapping("/verify")
	String verifyForm() {
		return "licences/verify";
	}

	@PostMapping("/verify")
	String verifyDocument(@RequestParam(required = false) String document, Model model) {
		if (!StringUtils.hasText(document)) {
			model.addAttribute("error", "licence.verify.empty");
			return "licences/verify";
		}
		Verification verification = this.wallet.verify(document);
		model.addAttribute("verification", verification);
		model.addAttribute("document", document);
		addLogEntry(verification, model);
		return "licences/verify";
	}

	@GetMapping("/verify/licences/{id}")
	String verifyIssued(@PathVariable UUID id, Model model) {
		Verification verification = this.wallet.verifyIssued(id);
		model.addAttribute("verification", verification);
		addLogEntry(verification, model);
		return "licences/verified";
	}

	/** Where the public log records the licence, for the page to say so in words. */
	private void addLogEntry(Verification verification, Model model) {
		if (verification.licence() != null) {
			model.addAttribute("logEntry",
					this.log.inclusion(LogEntry.licenceReference(verification.licence().id())).orElse(null));
		}
	}

	private String baseUrl() {
		return this.publicUrl.base();
	}

}
