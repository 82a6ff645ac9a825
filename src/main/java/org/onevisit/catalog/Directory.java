package org.onevisit.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Regions and departments: who is responsible where. */
public interface Directory {

	/** Adds the region, or updates its name, level and parent if the code is known. */
	void register(Region region);

	/** Adds the department, or updates it if the code is known. */
	void register(Department department);

	/** Adds the province's basic item, or updates it if the code is known. */
	void register(BasicItem basicItem);

	List<Region> regions();

	Optional<Region> region(String code);

	List<BasicItem> basicItems();

	Optional<BasicItem> basicItem(String code);

	List<Department> departments();

	Optional<Department> department(String code);

	/** A department's name; its code when the directory does not know it. */
	String departmentName(String code);

	/**
	 * Every department's name by its code, for pages and lists that name many
	 * departments: one read for all of them.
	 */
	Map<String, String> departmentNames();

}
