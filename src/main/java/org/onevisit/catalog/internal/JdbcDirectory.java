package org.onevisit.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.shared.CreditCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional
class JdbcDirectory implements Directory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcDirectory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void register(BasicItem basicItem) {
		this.jdbc
			.sql("""
					insert into catalog_basic_item (code, name, definition) values (:code, :name, cast(:definition as jsonb))
					on conflict (code) do update set name = excluded.name, definition = excluded.definition
					""")
			.param("code", basicItem.code())
			.param("name", basicItem.name())
			.param("definition", this.json.writeValueAsString(basicItem))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<BasicItem> basicItems() {
		return this.jdbc.sql("select definition from catalog_basic_item order by code").query(this::asBasicItem).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BasicItem> basicItem(String code) {
		return byCode("select definition from catalog_basic_item", code, this::asBasicItem);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Region> region(String code) {
		return regions().stream().filter((region) -> region.code().equals(code)).findFirst();
	}

	@Override
	public void register(Region region) {
		this.jdbc.sql("""
				insert into catalog_region (code, name, level, parent_code) values (:code, :name, :level, :parent)
				on conflict (code) do update set name = excluded.name, level = excluded.level,
				                                 parent_code = excluded.parent_code
				""")
			.param("code", region.code())
			.param("name", region.name())
			.param("level", region.level().name())
			// the province has no parent region (ADR 18)
			.param("parent", region.parentCode(), Types.VARCHAR)
			.update();
	}

	@Override
	public void register(Department department) {
		this.jdbc.sql("""
				insert into catalog_department (code, name, region_code, credit_code)
				values (:code, :name, :region, :creditCode)
				on conflict (code) do update set name = excluded.name, region_code = excluded.region_code,
				                                 credit_code = excluded.credit_code
				""")
			.param("code", department.code())
			.param("name", department.name())
			.param("region", department.regionCode())
			.param("creditCode", department.creditCode().value())
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Region> regions() {
		return this.jdbc.sql("select code, name, level, parent_code from catalog_region order by code")
			.query((row, rowNum) -> new Region(row.getString("code"), row.getString("name"),
					RegionLevel.valueOf(row.getString("level")), row.getString("parent_code")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Department> departments() {
		return this.jdbc.sql("select code, name, region_code, credit_code from catalog_department order by code")
			.query(this::asDepartment)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Department> department(String code) {
		return byCode("select code, name, region_code, credit_code from catalog_department", code, this::asDepartment);
	}

	@Override
	@Transactional(readOnly = true)
	public String departmentName(String code) {
		return department(code).map(Department::name).orElse(code);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> departmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		departments().forEach((department) -> names.put(department.code(), department.name()));
		return names;
	}

	/** The one row of the select whose code is given, read by the mapper. */
	private <T> Optional<T> byCode(String select, String code, RowMapper<T> row) {
		return this.jdbc.sql(select + " where code = :code").param("code", code).query(row).optional();
	}

	private BasicItem asBasicItem(ResultSet row, int number) throws SQLException {
		return this.json.readValue(row.getString("definition"), BasicItem.class);
	}

	private Department asDepartment(ResultSet row, int number) throws SQLException {
		return new Department(row.getString("code"), row.getString("name"), row.getString("region_code"),
				CreditCode.of(row.getString("credit_code")));
	}

}
