package org.onevisit.catalog.internal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.CatalogueAdministration.SynonymList;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.VersionStatus;
import org.onevisit.catalog.Versioned;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue administrator's pages: browse, edit in the catalogue file format with
 * every problem shown, publish, retire, compare versions, import and export. Items and
 * bundles share the pages; {@link Kind} tells them apart. Every change is audited by the
 * catalogue itself.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CatalogueAdminController {

	/** Items on one page of the catalogue list. */
	static final int PAGE_SIZE = 50;

	// the text a new entry starts from is catalogue data in Chinese, so it lives with the
	// catalogue's files
	static final String NEW_ITEM = template("new-item.yaml");

	static final String NEW_BUNDLE = template("new-bundle.yaml");

	private final CatalogueAdministration catalogue;

	CatalogueAdminController(CatalogueAdministration catalogue) {
		this.catalogue = catalogue;
	}

	private static String template(String file) {
		try {
			return new ClassPathResource("catalog/templates/" + file).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Items or bundles: the operations the shared pages need, one implementation each.
	 */
	enum Kind {

		ITEMS, BUNDLES;

		static Kind of(String path) {
			return switch (path) {
				case "items" -> ITEMS;
				case "bundles" -> BUNDLES;
				default -> throw CatalogueEntryNotFound.item(path);
			};
		}

		String path() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** One row of a version list, whatever the kind. */
	record Row(String code, String name, int version, VersionStatus status, Instant savedAt, String savedBy,
			Instant publishedAt) {

		static <T> Row of(Versioned<T> version, Function<T, String> name) {
			return new Row(version.code(), name.apply(version.content()), version.version(), version.status(),
					version.savedAt(), version.savedBy(), version.publishedAt());
		}

	}

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/catalogue";
	}

	@GetMapping("/admin/catalogue")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		String filter = (q != null) ? q.strip() : "";
		model.addAttribute("q", filter);
		List<Row> matching = this.catalogue.latestItems()
			.stream()
			.map((version) -> Row.of(version, ServiceItem::name))
			.filter((row) -> filter.isEmpty() || row.code().contains(filter) || row.name().contains(filter))
			.toList();
		// a real city publishes thousands of implementations: one page at a time
		int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 1), pages);
		model.addAttribute("matching", matching.size());
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("items",
				matching.subList((shown - 1) * PAGE_SIZE, Math.min(shown * PAGE_SIZE, matching.size())));
		model.addAttribute("bundles",
				this.catalogue.latestBundles().stream().map((version) -> Row.of(version, Bundle::name)).toList());
		return "admin/catalogue/list";
	}

	@GetMapping("/admin/catalogue/{kind}/{code}")
	String entry(@PathVariable String kind, @PathVariable String code, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model) {
		Kind which = Kind.of(kind);
		List<Row> versions = rows(which, code);
		int newest = versions.get(0).version();
		int shown = (to != null) ? to : newest;
		model.addAttribute("kind", which.path());
		model.addAttribute("code", code);
		model.addAttribute("versions", versions);
		model.addAttribute("shown", shown);
		model.addAttribute("yaml", yaml(which, code, shown));
		model.addAttribute("hasDraft", versions.stream().anyMatch((row) -> row.status() == VersionStatus.DRAFT));
		model.addAttribute("hasPublished",
				versions.stream().anyMatch((row) -> row.status() == VersionStatus.PUBLISHED));
		if (from != null) {
			model.addAttribute("from", from);
			model.addAttribute("diff", this.catalogue.diff(yaml(which, code, from), yaml(which, code, shown)));
		}
		return "admin/catalogue/entry";
	}

	@GetMapping("/admin/catalogue/{kind}/new")
	String create(@PathVariable String kind, Model model) {
		Kind which = Kind.of(kind);
		return editor(model, which, null, (which == Kind.ITEMS) ? NEW_ITEM : NEW_BUNDLE);
	}

	@GetMapping("/admin/catalogue/{kind}/{code}/edit")
	String edit(@PathVariable String kind, @PathVariable String code, Model model) {
		Kind which = Kind.of(kind);
		return editor(model, which, code, yaml(which, code, rows(which, code).get(0).version()));
	}

	/** Checks the text and, when asked to and it is sound, saves it as the draft. */
	@PostMapping("/admin/catalogue/{kind}/edit")
	String save(@PathVariable String kind, @RequestParam String yaml, @RequestParam String action,
			@RequestParam(required = false) String code, Principal admin, Model model, RedirectAttributes redirect) {
		Kind which = Kind.of(kind);
		try {
			String saved;
			if ("save".equals(action)) {
				saved = (which == Kind.ITEMS) ? this.catalogue.saveItemDraft(yaml, admin.getName()).code()
						: this.catalogue.saveBundleDraft(yaml, admin.getName()).code();
				redirect.addFlashAttribute("notice", "admin.catalogue.saved.notice");
				return "redirect:/admin/catalogue/" + which.path() + "/" + saved;
			}
			if (which == Kind.ITEMS) {
				this.catalogue.validateItem(yaml);
			}
			else {
				this.catalogue.validateBundle(yaml);
			}
			model.addAttribute("valid", true);
		}
		catch (CatalogueInvalid invalid) {
			model.addAttribute("problems", invalid.problems());
		}
		return editor(model, which, code, yaml);
	}

	@PostMapping("/admin/catalogue/{kind}/{code}/publish")
	String publish(@PathVariable String kind, @PathVariable String code, Principal admin, RedirectAttributes redirect) {
		try {
			if (Kind.of(kind) == Kind.ITEMS) {
				this.catalogue.publishItem(code, admin.getName());
			}
			else {
				this.catalogue.publishBundle(code, admin.getName());
			}
			redirect.addFlashAttribute("notice", "admin.catalogue.published");
		}
		catch (CatalogueInvalid invalid) {
			redirect.addFlashAttribute("problems", invalid.problems());
		}
		return "redirect:/admin/catalogue/" + kind + "/" + code;
	}

	@PostMapping("/admin/catalogue/{kind}/{code}/retire")
	String retire(@PathVariable String kind, @PathVariable String code, Principal admin, RedirectAttributes redirect) {
		if (Kind.of(kind) == Kind.ITEMS) {
			this.catalogue.retireItem(code, admin.getName());
		}
		else {
			this.catalogue.retireBundle(code, admin.getName());
		}
		redirect.addFlashAttribute("notice", "admin.catalogue.retired");
		return "redirect:/admin/catalogue/" + kind + "/" + code;
	}

	@GetMapping("/admin/catalogue/import")
	String importPage() {
		return "admin/catalogue/import";
	}

	@PostMapping("/admin/catalogue/import")
	String importFile(@RequestParam("file") MultipartFile file, Principal admin, Model model) throws IOException {
		String name = Optional.ofNullable(file.getOriginalFilename()).orElse("upload").replaceAll("[^\\w.\\-]", "_");
		if (file.isEmpty()) {
			model.addAttribute("error", "admin.import.empty");
			return "admin/catalogue/import";
		}
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			ImportReport report = name.toLowerCase(Locale.ROOT).endsWith(".csv")
					? this.catalogue.importItemsCsv(name, reader, admin.getName())
					: this.catalogue.importCatalogue(name, reader, admin.getName());
			model.addAttribute("report", report);
		}
		catch (CatalogueInvalid invalid) {
			model.addAttribute("problems", invalid.problems());
		}
		model.addAttribute("fileName", name);
		return "admin/catalogue/import";
	}

	@GetMapping("/admin/catalogue/export.yaml")
	ResponseEntity<String> exportYaml() {
		return download(this.catalogue.exportCatalogue(), "catalogue.yaml", "application/yaml");
	}

	@GetMapping("/admin/catalogue/export.csv")
	ResponseEntity<String> exportCsv() {
		// a byte-order mark so that spreadsheet programs read the Chinese correctly
		return download("\uFEFF" + this.catalogue.exportItemsCsv(), "items.csv", "text/csv");
	}

	@GetMapping("/admin/catalogue/synonyms")
	String synonyms(Model model) {
		SynonymList list = this.catalogue.synonyms();
		model.addAttribute("version", list.version());
		model.addAttribute("rules", list.rules());
		return "admin/catalogue/synonyms";
	}

	/** Saves the list when every rule is sound; otherwise shows each malformed line. */
	@PostMapping("/admin/catalogue/synonyms")
	String saveSynonyms(@RequestParam String rules, Principal admin, Model model, RedirectAttributes redirect) {
		try {
			SynonymList saved = this.catalogue.saveSynonyms(rules, admin.getName());
			redirect.addFlashAttribute("saved", saved.version());
			return "redirect:/admin/catalogue/synonyms";
		}
		catch (CatalogueInvalid invalid) {
			model.addAttribute("problems", invalid.problems());
			model.addAttribute("version", this.catalogue.synonyms().version());
			model.addAttribute("rules", rules);
			return "admin/catalogue/synonyms";
		}
	}

	@GetMapping("/admin/catalogue/differences")
	String differences(Model model) {
		model.addAttribute("differences", this.catalogue.differences());
		return "admin/catalogue/differences";
	}

	@GetMapping("/admin/catalogue/audit")
	String audit(Model model) {
		model.addAttribute("entries", this.catalogue.audit(200));
		return "admin/catalogue/audit";
	}

	private String editor(Model model, Kind kind, String code, String yaml) {
		model.addAttribute("kind", kind.path());
		model.addAttribute("code", code);
		model.addAttribute("yaml", yaml);
		return "admin/catalogue/edit";
	}

	private List<Row> rows(Kind kind, String code) {
		return (kind == Kind.ITEMS)
				? this.catalogue.itemVersions(code).stream().map((v) -> Row.of(v, ServiceItem::name)).toList()
				: this.catalogue.bundleVersions(code).stream().map((v) -> Row.of(v, Bundle::name)).toList();
	}

	private String yaml(Kind kind, String code, int version) {
		return (kind == Kind.ITEMS) ? this.catalogue.itemYaml(this.catalogue.itemVersion(code, version).content())
				: this.catalogue.bundleYaml(this.catalogue.bundleVersion(code, version).content());
	}

	private static ResponseEntity<String> download(String body, String fileName, String type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
			.body(body);
	}

}
