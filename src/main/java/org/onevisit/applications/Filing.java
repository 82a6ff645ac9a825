package org.onevisit.applications;

import java.util.Map;

/**
 * What an application was filed with, without its review: for modules that act on the
 * outcome (licences are filled from the form and issued to the subject).
 */
public record Filing(ApplicationId id, String trackingNumber, Subject subject, String bundleCode,
		Map<String, Object> form) {

	public Filing {
		form = Map.copyOf(form);
	}

}
