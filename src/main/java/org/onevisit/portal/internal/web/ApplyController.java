package org.onevisit.portal.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.PersonalDataViewed;
import org.onevisit.platform.PublicUrl;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.Channel;
import org.onevisit.applications.FieldViolation;
import org.onevisit.shared.Subject;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.catalog.ApplicantKind;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.BundleMaterial;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.PrefillRequest;
import org.onevisit.exchange.Prefilled;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.platform.QrCodes;
import org.onevisit.platform.Sentences;
import org.onevisit.queues.Hall;
import org.onevisit.queues.Halls;
import org.onevisit.queues.QueueRefused;
import org.onevisit.queues.WindowIdentityCheck;
import org.onevisit.queues.WindowIdentityChecks;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.portal.internal.Drafts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * Applying online (在线申报): the form of an item or a bundle rendered from the catalogue,
 * pre-filled from the registries with where each value came from, each material with
 * whether it is already satisfied, and the server's checks shown next to the fields.
 */
@Controller
class ApplyController {

	private final Catalogue catalogue;

	private final DataExchange exchange;

	private final ApplicationManagement applications;

	private final Uploads uploads;

	private final MessageSource messages;

	private final Sentences sentences;

	private final Drafts drafts;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final SecurityLog securityLog;

	ApplyController(Catalogue catalogue, DataExchange exchange, ApplicationManagement applications, Uploads uploads,
			MessageSource messages, Sentences sentences, Drafts drafts, Halls halls,
			WindowIdentityChecks identityChecks, Clock clock, PublicUrl publicUrl, SecurityLog securityLog) {
		this.securityLog = securityLog;
		this.identityChecks = identityChecks;
		this.halls = halls;
		this.clock = clock;
		this.drafts = drafts;
		this.publicUrl = publicUrl;
		this.catalogue = catalogue;
		this.exchange = exchange;
		this.applications = applications;
		this.uploads = uploads;
		this.messages = messages;
		this.sentences = sentences;
	}

	// the session attribute holding the hall a clerk works at
	private static final String HALL = "onevisit.hall";

	private final Halls halls;

	private final WindowIdentityChecks identityChecks;

	/** A field as the page shows it. */
	record FieldView(String name, String label, String type, boolean required, List<String> options, Object value,
			Prefilled.FieldSource source, FieldViolation violation, String match) {
	}

	/** A material as the page shows it; {@code preview} for shared data. */
	record MaterialView(String code, String name, String source, Prefilled.MaterialPreview preview) {
	}

	/**
	 * Who applies for whom through which channel: an applicant for themselves online, or
	 * a clerk at the hall's window for the person in front of them.
	 */
	record Filer(OneVisitUser user, Subject subject, Channel channel, String hallCode) {

		Filer(OneVisitUser user, Subject subject, Channel channel) {
			this(user, subject, channel, null);
		}

		public boolean atHall() {
			return this.channel == Channel.HALL;
		}

		/** The applicant as the window's pages name them: masked, or by credit code. */
		public String applicantShown() {
			return (this.subject.person() != null) ? this.subject.person().masked() : this.subject.business().value();
		}

		/** The request parameter that carries the applicant from page to page. */
		public String applicantParameter() {
			return (this.subject.person() != null) ? "residentId" : "creditCode";
		}

	}

	/**
	 * A business at the window, as its enterprise record names it, and the legal
	 * representative whose ID card the clerk read and the registry confirmed.
	 */
	record BusinessAtWindow(String creditCode, String name, String representative,
			String representativeMasked) implements Serializable {
	}

	// the session attribute prefix under which the businesses looked up today are kept
	private static final String BUSINESS = "onevisit.hall.business.";

	@GetMapping("/apply/{kind:items|bundles}/{code}")
	String form(@PathVariable String kind, @PathVariable String code, @AuthenticationPrincipal OneVisitUser user,
			Model model) {
		return form(matter(kind, code), new Filer(user, user.subject().orElseThrow(), Channel.ONLINE), model);
	}

	@PostMapping("/apply/{kind:items|bundles}/{code}")
	String submit(@PathVariable String kind, @PathVariable String code, @RequestParam("requestKey") String requestKey,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			@AuthenticationPrincipal OneVisitUser user, Model model, Locale locale) {
		return submit(matter(kind, code), new Filer(user, user.subject().orElseThrow(), Channel.ONLINE), requestKey,
				parameters, request, model, locale);
	}

	/**
	 * The single window (综合窗口): any item or bundle, for the applicant the clerk looked
	 * up.
	 */
	@GetMapping("/hall")
	String hall(@RequestParam(name = "hall", required = false) String chosen, HttpSession session, Model model) {
		if (chosen != null && this.halls.hall(chosen).isPresent()) {
			session.setAttribute(HALL, chosen);
		}
		// what this hall's windows accept: the regions it serves, and citywide matters of
		// its city (全市通办)
		Optional<Hall> current = this.halls.hall(hallOf(session));
		model.addAttribute("bundles",
				this.catalogue.publishedBundles()
					.stream()
					.filter((bundle) -> current.isEmpty() || this.catalogue.itemsOf(bundle)
						.stream()
						.allMatch((item) -> current.get().accepts(item.regionCode(), item.citywide())))
					.toList());
		model.addAttribute("items",
				this.catalogue.publishedItems()
					.stream()
					.filter((item) -> current.isEmpty() || current.get().accepts(item.regionCode(), item.citywide()))
					.toList());
		model.addAttribute("halls", this.halls.halls());
		model.addAttribute("currentHall", hallOf(session));
		return "portal/hall";
	}

	/**
	 * The hall the clerk works at today, chosen on the window's page; the first by
	 * default.
	 */
	private String hallOf(HttpSession session) {
		Object chosen = session.getAttribute(HALL);
		return (chosen != null) ? chosen.toString() : this.halls.halls().get(0).code();
	}

	/**
	 * The clerk names the person at the window and how their identity was checked (the ID
	 * card read, or the queue ticket they hold): the check is recorded, and lets this
	 * hall pre-fill their data today.
	 */
	@PostMapping("/hall/apply")
	String hallLookup(@RequestParam("residentId") String residentId, @RequestParam("matter") String matter,
			@RequestParam(name = "method", required = false) WindowIdentityCheck.Method method,
			@RequestParam(name = "ticketNumber", required = false) String ticketNumber,
			@AuthenticationPrincipal OneVisitUser user, HttpSession session, Model model, Locale locale) {
		if (!ResidentId.isValid(residentId) || !matter.matches("(items|bundles)/[A-Za-z0-9-]+")) {
			model.addAttribute("lookupError", true);
			return hall(null, session, model);
		}
		String person = ResidentId.of(residentId).value();
		try {
			this.identityChecks.record(user.getUsername(), hallOf(session), person, method, ticketNumber);
		}
		catch (QueueRefused refused) {
			model.addAttribute("identityError", this.sentences.refusal(refused, locale));
			return hall(null, session, model);
		}
		return "redirect:/hall/apply/" + matter + "?residentId=" + person;
	}

	/**
	 * The clerk looks up a business by its credit code, with the person present: their ID
	 * card is read, and the enterprise registry must name them as the business's legal
	 * representative, for a business that is still in business. Both checks are recorded;
	 * the hall may then read the business's data for it today.
	 */
	@PostMapping("/hall/apply/business")
	String hallBusinessLookup(@RequestParam("creditCode") String creditCode,
			@RequestParam("residentId") String residentId, @RequestParam("name") String name,
			@RequestParam("matter") String matter, @AuthenticationPrincipal OneVisitUser user, HttpSession session,
			Model model, Locale locale) {
		String code = creditCode.strip().toUpperCase(Locale.ROOT);
		if (!CreditCode.isValid(code) || !ResidentId.isValid(residentId) || name.isBlank()
				|| !matter.matches("(items|bundles)/[A-Za-z0-9-]+")) {
			model.addAttribute("businessError", this.messages.getMessage("window.business.lookupError", null, locale));
			return hall(null, session, model);
		}
		ResidentId person = ResidentId.of(residentId);
		try {
			this.identityChecks.record(user.getUsername(), hallOf(session), person.value(),
					WindowIdentityCheck.Method.ID_CARD, null);
		}
		catch (QueueRefused refused) {
			model.addAttribute("businessError", this.sentences.refusal(refused, locale));
			return hall(null, session, model);
		}
		DataExchange.Representation represents = this.exchange.checkRepresentative(CreditCode.of(code), person, name);
		if (represents.outcome() != DataExchange.RepresentativeCheck.REPRESENTS) {
			// not found and not the representative read alike: the window learns no more
			// than the person present can show
			String outcome = (represents.outcome() == DataExchange.RepresentativeCheck.NOT_FOUND)
					? DataExchange.RepresentativeCheck.NOT_REPRESENTATIVE.name() : represents.outcome().name();
			model.addAttribute("businessError",
					this.messages.getMessage("window.business.refused." + outcome, null, locale));
			return hall(null, session, model);
		}
		this.identityChecks.record(user.getUsername(), hallOf(session), code, WindowIdentityCheck.Method.ID_CARD, null);
		session.setAttribute(BUSINESS + code,
				new BusinessAtWindow(code, represents.enterpriseName(), name.strip(), person.masked()));
		return "redirect:/hall/apply/" + matter + "?creditCode=" + code;
	}

	@GetMapping("/hall/apply/{kind:items|bundles}/{code}")
	String hallForm(@PathVariable String kind, @PathVariable String code,
			@RequestParam(name = "residentId", required = false) String residentId,
			@RequestParam(name = "creditCode", required = false) String creditCode,
			@AuthenticationPrincipal OneVisitUser user, HttpSession session, Model model, Locale locale) {
		Subject applicant = applicantAtWindow(residentId, creditCode);
		String refused = refusedAtWindow(applicant, session, model, locale);
		if (refused != null) {
			return refused;
		}
		// the form comes pre-filled with the applicant's registry data
		if (applicant.person() != null) {
			this.securityLog
				.record(new PersonalDataViewed(user.getUsername(), applicant.person(), "window application " + code));
		}
		return form(matter(kind, code), new Filer(user, applicant, Channel.HALL, hallOf(session)), model);
	}

	@PostMapping("/hall/apply/{kind:items|bundles}/{code}")
	String hallSubmit(@PathVariable String kind, @PathVariable String code,
			@RequestParam("requestKey") String requestKey,
			@RequestParam(name = "residentId", required = false) String residentId,
			@RequestParam(name = "creditCode", required = false) String creditCode,
			@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
			@AuthenticationPrincipal OneVisitUser user, HttpSession session, Model model, Locale locale) {
		Subject applicant = applicantAtWindow(residentId, creditCode);
		String refused = refusedAtWindow(applicant, session, model, locale);
		if (refused != null) {
			return refused;
		}
		return submit(matter(kind, code), new Filer(user, applicant, Channel.HALL, hallOf(session)), requestKey,
				parameters, request, model, locale);
	}

	/**
	 * The hall's page again when the window cannot file for this applicant (not found, or
	 * their identity not checked); null when it can, with the business it files for, if
	 * any, in the model.
	 */
	private String refusedAtWindow(Subject applicant, HttpSession session, Model model, Locale locale) {
		if (applicant == null) {
			model.addAttribute("lookupError", true);
			return hall(null, session, model);
		}
		if (!identityChecked(applicant, session, model, locale)) {
			return hall(null, session, model);
		}
		model.addAttribute("business", businessAtWindow(applicant, session));
		return null;
	}

	/** The person or the business the window files for, as the page names them. */
	private static Subject applicantAtWindow(String residentId, String creditCode) {
		if (residentId != null && ResidentId.isValid(residentId)) {
			return Subject.person(ResidentId.of(residentId));
		}
		if (creditCode != null && CreditCode.isValid(creditCode.strip().toUpperCase(Locale.ROOT))) {
			return Subject.business(CreditCode.of(creditCode.strip().toUpperCase(Locale.ROOT)));
		}
		return null;
	}

	private static BusinessAtWindow businessAtWindow(Subject applicant, HttpSession session) {
		return (applicant.business() != null)
				? (BusinessAtWindow) session.getAttribute(BUSINESS + applicant.business().value()) : null;
	}

	/**
	 * A clerk reads the data only of a person whose identity was checked at this hall
	 * today; otherwise the hall's page says so.
	 */
	private boolean identityChecked(Subject person, HttpSession session, Model model, Locale locale) {
		if (this.identityChecks.checkedToday(hallOf(session), person.identifier()).isPresent()) {
			return true;
		}
		QueueRefused refused = QueueRefused.identityNotChecked();
		model.addAttribute("identityError", this.sentences.refusal(refused, locale));
		return false;
	}

	/** The acceptance receipt (受理回执), with a QR code to follow the matter online. */
	@GetMapping("/hall/receipts/{id}")
	String receipt(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user, Actor actor,
			HttpServletRequest request, Model model) {
		Application application = this.applications.find(new ApplicationId(id), actor);
		String follow = publicBase(request) + "/my/applications/" + id;
		model.addAttribute("accepted", application);
		model.addAttribute("matterName",
				this.catalogue.matterName(application.bundleCode(), application.tasks().get(0).plan().itemCode()));
		model.addAttribute("qr", QrCodes.qrSvg(follow));
		model.addAttribute("follow", follow);
		model.addAttribute("clerk", user.displayName());
		return "portal/receipt";
	}

	private String form(Matter matter, Filer filer, Model model) {
		// a saved draft is what the applicant typed: the registries fill only the rest
		Map<String, Object> draft = filer.atHall() ? Map.of()
				: this.drafts.find(filer.user().getUsername(), matter.key()).orElse(Map.of());
		model.addAttribute("draftRestored", !draft.isEmpty());
		// a matter filed only at a hall, or not offered to this kind of applicant, says
		// so
		// before anyone fills a form, and reads nobody's data for a form that cannot be
		// filed
		Optional<SubmissionRefused> notOffered = notOfferedTo(matter, filer.subject());
		notOffered.ifPresent((refused) -> model.addAttribute("refusalText",
				this.sentences.refusal(refused, LocaleContextHolder.getLocale())));
		Prefilled prefilled = ((!filer.atHall() && matter.hallOnly() != null) || notOffered.isPresent())
				? new Prefilled(null, Map.of(), Map.of(), List.of()) : prefill(filer, matter, draft);
		render(model, matter, prefilled, prefilled.form(), Map.of(), UUID.randomUUID().toString());
		model.addAttribute("filer", filer);
		return "portal/apply";
	}

	private String submit(Matter matter, Filer filer, String requestKey, MultiValueMap<String, String> parameters,
			HttpServletRequest request, Model model, Locale locale) {
		OneVisitUser user = filer.user();
		model.addAttribute("filer", filer);
		Map<String, Object> values = values(matter, parameters);
		if (!filer.atHall() && "draft".equals(parameters.getFirst("action"))) {
			this.drafts.save(user.getUsername(), matter.key(), values);
			Prefilled prefilled = prefill(filer, matter, values);
			render(model, matter, prefilled, values, Map.of(), requestKey);
			model.addAttribute("draftSaved", true);
			return "portal/apply";
		}
		// files first: a refused file is named on the page and nothing is filed
		Map<String, String> uploaded = new LinkedHashMap<>();
		Map<String, String> uploadReasons = new LinkedHashMap<>();
		Map<String, String> uploadProblems = new LinkedHashMap<>();
		// a form without files may come url-encoded
		MultipartRequest files = (request instanceof MultipartRequest multipart) ? multipart : null;
		for (Material material : matter.materials()) {
			MultipartFile file = (files != null) ? files.getFile("upload." + material.code()) : null;
			if (file == null || file.isEmpty()) {
				continue;
			}
			try (InputStream content = file.getInputStream()) {
				uploaded.put(material.code(),
						this.uploads.store(user.getUsername(), file.getOriginalFilename(), content).id().toString());
			}
			catch (UploadRefused refused) {
				uploadProblems.put(material.code(), this.sentences.refusal(refused, locale));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			String reason = parameters.getFirst("reason." + material.code());
			if (reason != null && !reason.isBlank()) {
				uploadReasons.put(material.code(), reason.strip());
			}
		}
		if (!uploadProblems.isEmpty()) {
			Prefilled prefilled = prefill(filer, matter, values);
			render(model, matter, prefilled, values, Map.of(), UUID.randomUUID().toString());
			model.addAttribute("uploadProblems", uploadProblems);
			return "portal/apply";
		}
		// files stored at the check of the answers come back by id: the applicant's own
		// only,
		// as the filing checks
		for (Material material : matter.materials()) {
			String earlier = parameters.getFirst("uploaded." + material.code());
			if (earlier != null && !uploaded.containsKey(material.code()) && isUuid(earlier)) {
				uploaded.put(material.code(), earlier);
			}
		}
		if (!filer.atHall()) {
			String action = parameters.getFirst("action");
			if ("edit".equals(action)) {
				Prefilled prefilled = prefill(filer, matter, values);
				render(model, matter, prefilled, values, Map.of(), requestKey);
				model.addAttribute("uploadedIds", uploaded);
				return "portal/apply";
			}
			// online, a citizen checks their answers and makes the declaration (承诺)
			// before
			// anything is filed
			boolean declared = "true".equals(parameters.getFirst("declaration"));
			if (!"file".equals(action) || !declared) {
				checkPage(model, matter, parameters, values, uploaded, requestKey);
				model.addAttribute("declarationMissing", "file".equals(action));
				return "portal/check";
			}
		}
		Map<String, String> evidence = new LinkedHashMap<>();
		parameters.forEach((name, given) -> {
			if (name.startsWith("evidence.") && !given.isEmpty() && !given.get(0).isBlank()) {
				evidence.put(name.substring("evidence.".length()), given.get(0));
			}
		});
		try {
			// an upload replaces the registry's data for that material
			uploaded.keySet().forEach(evidence::remove);
			Application filed = this.applications.submit(new Submission(matter.itemCode(), matter.bundleCode(),
					filer.subject(), filer.channel(), values, uploaded, evidence, uploadReasons, filer.hallCode()),
					Actor.of(user), requestKey);
			this.drafts.remove(user.getUsername(), matter.key());
			return filer.atHall() ? "redirect:/hall/receipts/" + filed.id().value()
					: "redirect:/my/applications/" + filed.id().value() + "/filed";
		}
		catch (SubmissionRefused refused) {
			Map<String, FieldViolation> violations = new LinkedHashMap<>();
			refused.violations().forEach((violation) -> violations.putIfAbsent(violation.field(), violation));
			Prefilled prefilled = prefill(filer, matter, values);
			render(model, matter, prefilled, values, violations, UUID.randomUUID().toString());
			model.addAttribute("refusal", refused);
			boolean ineligible = "eligibility_failed".equals(refused.code());
			if (refused.violations().isEmpty() && !ineligible) {
				// a refusal of the whole matter (where to file it, a matter already in
				// progress) is said above the form
				model.addAttribute("refusalText", this.sentences.refusal(refused, locale));
				return "portal/apply";
			}
			if (filer.atHall() && !ineligible) {
				// everything missing at once, on paper for the applicant to take home
				// (一次性告知); a matter that cannot be granted is explained on the page
				model.addAttribute("clerk", user.displayName());
				model.addAttribute("today", LocalDate.now(this.clock));
				return "portal/notice";
			}
			return "portal/apply";
		}
	}

	/**
	 * The answers as the applicant will file them, and everything the page posted carried
	 * along unchanged, so that filing from the check page files exactly what was checked.
	 */
	private void checkPage(Model model, Matter matter, MultiValueMap<String, String> parameters,
			Map<String, Object> values, Map<String, String> uploaded, String requestKey) {
		List<CheckedAnswer> answers = matter.fields()
			.stream()
			.filter((field) -> values.containsKey(field.name()))
			.map((field) -> new CheckedAnswer(field.label(), field.type().name(), values.get(field.name())))
			.toList();
		Map<String, String> materialNames = new LinkedHashMap<>();
		matter.materials().forEach((material) -> materialNames.put(material.code(), material.name()));
		MultiValueMap<String, String> carried = new LinkedMultiValueMap<>();
		parameters.forEach((name, given) -> {
			if (!CHECK_PAGE_OWN.contains(name) && !name.startsWith("uploaded.")) {
				carried.put(name, given);
			}
		});
		model.addAttribute("matter", matter);
		model.addAttribute("answers", answers);
		model.addAttribute("uploaded", uploaded);
		model.addAttribute("materialNames", materialNames);
		model.addAttribute("carried", carried);
		model.addAttribute("requestKey", requestKey);
	}

	/** What the check page posts itself rather than carrying along. */
	private static final Set<String> CHECK_PAGE_OWN = Set.of("_csrf", "action", "declaration", "requestKey");

	/** One answer on the check page: the field's label and what the applicant gave. */
	record CheckedAnswer(String label, String type, Object value) {
	}

	private static boolean isUuid(String text) {
		try {
			UUID.fromString(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Prefilled prefill(Filer filer, Matter matter, Map<String, Object> typed) {
		return this.exchange.prefill(new PrefillRequest(filer.user().getUsername(), filer.subject(), matter.itemCode(),
				matter.bundleCode(), typed));
	}

	private String publicBase(HttpServletRequest request) {
		return this.publicUrl.base();
	}

	private void render(Model model, Matter matter, Prefilled prefilled, Map<String, Object> values,
			Map<String, FieldViolation> violations, String requestKey) {
		List<FieldView> fields = new ArrayList<>();
		for (FormField field : matter.fields()) {
			Object value = values.containsKey(field.name()) ? values.get(field.name())
					: prefilled.form().get(field.name());
			fields.add(new FieldView(field.name(), field.label(), field.type().name(), field.required(),
					field.options(), value, prefilled.sources().get(field.name()), violations.get(field.name()),
					prefilled.matches().get(field.name())));
		}
		Map<String, Prefilled.MaterialPreview> previews = new LinkedHashMap<>();
		prefilled.materials().forEach((preview) -> previews.put(preview.code(), preview));
		List<MaterialView> materials = matter.materials()
			.stream()
			.map((material) -> new MaterialView(material.code(), material.name(), material.source().name(),
					previews.get(material.code())))
			.toList();
		model.addAttribute("matter", matter);
		model.addAttribute("halls", this.halls.halls());
		model.addAttribute("fields", fields);
		model.addAttribute("materials", materials);
		model.addAttribute("violations", List.copyOf(violations.values()));
		model.addAttribute("requestKey", requestKey);
	}

	/**
	 * What the page posts, as the catalogue's types: text stays text where it does not
	 * parse.
	 */
	private static Map<String, Object> values(Matter matter, MultiValueMap<String, String> parameters) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (FormField field : matter.fields()) {
			String raw = parameters.getFirst("field." + field.name());
			if (field.type() == FieldType.BOOLEAN) {
				values.put(field.name(), "true".equals(raw));
				continue;
			}
			if (raw == null || raw.isBlank()) {
				continue;
			}
			String text = raw.strip();
			if (field.type() == FieldType.NUMBER) {
				try {
					values.put(field.name(), new BigDecimal(text));
				}
				catch (NumberFormatException ex) {
					values.put(field.name(), text);
				}
				continue;
			}
			values.put(field.name(), (field.type() == FieldType.RESIDENT_ID || field.type() == FieldType.CREDIT_CODE)
					? text.toUpperCase(Locale.ROOT) : text);
		}
		return values;
	}

	/**
	 * The refusal a filing would meet when an item of the matter is not offered to the
	 * applicant's kind (a business and a marriage).
	 */
	private Optional<SubmissionRefused> notOfferedTo(Matter matter, Subject applicant) {
		ApplicantKind kind = ApplicantKind.of(applicant);
		List<String> codes = (matter.bundleCode() != null)
				? this.catalogue.bundle(matter.bundleCode()).content().itemCodes() : List.of(matter.itemCode());
		return codes.stream()
			.map((code) -> this.catalogue.item(code).content())
			.filter((item) -> !item.offeredTo(kind))
			.findFirst()
			.map((item) -> SubmissionRefused.applicantKindNotOffered(item.name(), kind));
	}

	private Matter matter(String kind, String code) {
		if ("bundles".equals(kind)) {
			Bundle bundle = this.catalogue.bundle(code).content();
			ServiceItem hallOnly = bundle.itemCodes()
				.stream()
				.map((itemCode) -> this.catalogue.item(itemCode).content())
				.filter((item) -> !item.channels().online())
				.findFirst()
				.orElse(null);
			return new Matter(null, bundle.code(), bundle.name(), bundle.description(),
					bundle.fields().stream().map(BundleField::asField).toList(),
					this.catalogue.materialsOf(bundle).stream().map(BundleMaterial::material).toList(), hallOnly);
		}
		ServiceItem item = this.catalogue.item(code).content();
		return new Matter(item.code(), null, item.name(), null, item.form().fields(), item.materials(),
				item.channels().online() ? null : item);
	}

	/**
	 * An item or a bundle, as far as applying for it goes; {@code hallOnly} is its item
	 * offered only at a hall, if there is one, which is not filed online.
	 */
	record Matter(String itemCode, String bundleCode, String name, String description, List<FormField> fields,
			List<Material> materials, ServiceItem hallOnly) {

		/** What to bring to the hall: the materials the applicant presents themselves. */
		public List<String> toBring() {
			return (this.hallOnly != null)
					? this.hallOnly.materials().stream().filter(Material::burdensApplicant).map(Material::name).toList()
					: List.of();
		}

		public String code() {
			return (this.bundleCode != null) ? this.bundleCode : this.itemCode;
		}

		String key() {
			return kind() + "/" + code();
		}

		public String kind() {
			return (this.bundleCode != null) ? "bundles" : "items";
		}

	}

}
