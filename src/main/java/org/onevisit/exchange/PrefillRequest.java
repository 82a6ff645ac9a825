package org.onevisit.exchange;

import java.util.Map;

import org.onevisit.shared.Subject;

/**
 * Who asks to pre-fill which item or bundle for whom, with what they typed already (a
 * typed value is kept; the registries fill the rest, and may use a typed identifier to
 * look up another party).
 */
public record PrefillRequest(String username, Subject applicant, String itemCode, String bundleCode,
		Map<String, Object> typed) {

	public PrefillRequest {
		typed = (typed != null) ? Map.copyOf(typed) : Map.of();
	}

}
