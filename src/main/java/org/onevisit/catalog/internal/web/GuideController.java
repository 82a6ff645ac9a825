package org.onevisit.catalog.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Service guides (办事指南) for citizens: search in their own words, one page per item and
 * bundle.
 */
@Controller
class GuideController {

	private final Catalogue catalogue;

	private final Guides guides;

	GuideController(Catalogue catalogue, Guides guides) {
		this.catalogue = catalogue;
		this.guides = guides;
	}

	/** A material line of a guide page. */
	record MaterialLine(String name, String source, String howObtained, List<String> neededBy) {
	}

	@GetMapping("/guides")
	String search(@RequestParam(required = false) String q, Model model, HttpServletRequest request) {
		String query = (q != null && q.length() > 100) ? q.substring(0, 100) : q;
		model.addAttribute("q", query);
		model.addAttribute("hits", (query == null || query.isBlank()) ? List.of() : this.catalogue.search(query, 20));
		model.addAttribute("bundles", this.catalogue.publishedBundles());
		// htmx asks for the result list only, as the citizen types
		return (request.getHeader("HX-Request") != null) ? "guides/search :: results" : "guides/search";
	}

	@GetMapping("/guides/items/{code}")
	String item(@PathVariable String code, Model model, Locale locale) {
		Versioned<ServiceItem> version = this.catalogue.item(code);
		ServiceItem item = version.content();
		model.addAttribute("item", item);
		model.addAttribute("version", version.version());
		model.addAttribute("departmentName", this.guides.departmentName(item.departmentCode()));
		model.addAttribute("whereHandled", this.guides.whereHandled(item, locale));
		model.addAttribute("materials",
				item.materials()
					.stream()
					.map((material) -> new MaterialLine(material.name(), material.source().name(),
							this.guides.howObtained(material, locale), List.of()))
					.toList());
		return "guides/item";
	}

	@GetMapping("/guides/bundles/{code}")
	String bundle(@PathVariable String code, Model model, Locale locale) {
		Versioned<Bundle> version = this.catalogue.bundle(code);
		Bundle bundle = version.content();
		List<ServiceItem> items = this.catalogue.itemsOf(bundle);
		model.addAttribute("bundle", bundle);
		model.addAttribute("items", items);
		model.addAttribute("departmentNames", items.stream()
			.collect(Collectors.toMap(ServiceItem::code, (item) -> this.guides.departmentName(item.departmentCode()))));
		model.addAttribute("materials",
				this.catalogue.materialsOf(bundle)
					.stream()
					.map((material) -> new MaterialLine(material.material().name(), material.material().source().name(),
							this.guides.howObtained(material.material(), locale), material.itemCodes()))
					.toList());
		model.addAttribute("longestCommitted", items.stream().mapToInt(ServiceItem::committedLimit).max().orElse(0));
		model.addAttribute("sumCommitted", items.stream().mapToInt(ServiceItem::committedLimit).sum());
		model.addAttribute("maxVisits", items.stream().mapToInt(ServiceItem::visits).max().orElse(0));
		return "guides/bundle";
	}

	@GetMapping("/catalogue/indicators")
	String indicators(Model model) {
		model.addAttribute("indicators", this.catalogue.indicators());
		return "catalogue/indicators";
	}

}
