package org.onevisit.audit.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.audit.internal.SecurityLogSearch;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security log for supervisors' tools: a page of entries and the link to the next.
 */
@RestController
@Tag(name = "Security log", description = "Logins, refused accesses, staff views, key use, configuration changes")
class SecurityLogApiController {

	private final SecurityLogSearch log;

	SecurityLogApiController(SecurityLogSearch log) {
		this.log = log;
	}

	@GetMapping("/api/v1/security-log")
	@PreAuthorize("hasRole('SUPERVISOR')")
	@Operation(summary = "The security log, newest first, by person (username or resident ID), kind and days; "
			+ "'next' is the link to the older page")
	Map<String, Object> api(@RequestParam(required = false) String person, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		SecurityLogSearch.Found found = this.log.search(person, kind, from, to, before, limit);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("entries", found.lines());
		answer.put("next", (found.next() != null)
				? SecurityLogController.next("/api/v1/security-log", person, kind, from, to, found.next(), limit)
				: null);
		return answer;
	}

}
