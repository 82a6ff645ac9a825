package org.onevisit.audit.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onevisit.audit.SecurityEvent;
import org.onevisit.audit.internal.SecurityLogSearch;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Supervisors search the security log on a page: a form and an "older" link (the API is
 * {@link SecurityLogApiController}).
 */
@Controller
class SecurityLogController {

	static final int PAGE_SIZE = 50;

	private final SecurityLogSearch log;

	SecurityLogController(SecurityLogSearch log) {
		this.log = log;
	}

	@GetMapping("/supervision/security-log")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String page(@RequestParam(required = false) String person, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, Model model) {
		SecurityLogSearch.Found found = this.log.search(person, kind, from, to, before, PAGE_SIZE);
		model.addAttribute("lines", found.lines());
		model.addAttribute("kinds", SecurityEvent.Kind.values());
		model.addAttribute("person", person);
		model.addAttribute("kind", kind);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("older", (found.next() != null)
				? next("/supervision/security-log", person, kind, from, to, found.next(), null) : null);
		return "audit/security-log";
	}

	static String next(String path, String person, String kind, String from, String to, long before, Integer limit) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("person", person);
		parameters.put("kind", kind);
		parameters.put("from", from);
		parameters.put("to", to);
		parameters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		link.queryParam("before", before);
		if (limit != null) {
			link.queryParam("limit", limit);
		}
		return link.encode().build().toUriString();
	}

}
