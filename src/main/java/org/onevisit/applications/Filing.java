package org.onevisit.applications;

import java.util.List;
import java.util.Map;

import org.onevisit.shared.Subject;

/**
 * What an application was filed with, without its review: for modules that act on the
 * outcome (licences are filled from the form and issued to the subject). The channel says
 * whether a partner filed it, which their events pass on.
 */
public record Filing(ApplicationId id, String trackingNumber, Subject subject, String filedBy, Channel channel,
		String bundleCode, Map<String, Object> form, List<FiledItem> items, List<MaterialRecord> materials) {

	public Filing {
		form = Map.copyOf(form);
		items = List.copyOf(items);
		materials = List.copyOf(materials);
	}

	/** An item of the application and the catalogue version it was filed under. */
	public record FiledItem(String code, int version) {
	}

}
