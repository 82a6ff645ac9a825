package org.onevisit.applications;

import java.util.List;
import java.util.Optional;

import org.onevisit.shared.ResidentId;

/**
 * Who the property registry records as owners of a property, for a matter about it: its
 * co-owners join the matter as parties. The exchange implements it (it depends on
 * applications, not the other way).
 */
public interface RegisteredOwners {

	/**
	 * Every registered owner of the property with this certificate number, as read from
	 * the record of one owner, by the department of the item the matter files; empty when
	 * the registry cannot answer now, an empty list when it holds no such property of
	 * that owner.
	 */
	Optional<List<ResidentId>> owners(String departmentCode, String itemCode, ResidentId owner, String certificateNo);

}
