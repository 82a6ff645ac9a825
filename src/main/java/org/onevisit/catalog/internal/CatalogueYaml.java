package org.onevisit.catalog.internal;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Fee;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.Form;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.shared.CreditCode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The catalogue file format (documented in {@code docs/catalogue-format.md}): reading
 * with every problem reported by file, line and field, and writing in one canonical form,
 * so that an export imported again exports to the same text.
 */
final class CatalogueYaml {

	static final Set<String> TOP = Set.of("regions", "departments", "items", "bundles");

	static final Set<String> ITEM_KEYS = Set.of("code", "name", "department", "region", "citywide", "legalBasis",
			"conditions", "fees", "limits", "channels", "visits", "onTheSpot", "materialsBefore", "licence", "keywords",
			"form", "materials");

	static final Set<String> FIELD_KEYS = Set.of("name", "label", "type", "required", "pattern", "options");

	private CatalogueYaml() {
	}

	/**
	 * Reads and checks a whole catalogue; throws {@link CatalogueInvalid} listing every
	 * problem.
	 */
	static CatalogueDocument read(String file, Reader reader, CatalogueRules.Context context) {
		YamlReader yaml = new YamlReader(file);
		Node root = yaml.parse(reader);
		CatalogueDocument document = new CatalogueDocument(List.of(), List.of(), List.of(), List.of());
		if (root != null) {
			MappingNode top = yaml.mapping(root, "(file)");
			if (top != null) {
				yaml.onlyKeys(top, "(file)", TOP);
				document = new CatalogueDocument(regions(yaml, top), departments(yaml, top), items(yaml, top),
						bundles(yaml, top));
			}
		}
		if (yaml.problems().isEmpty()) {
			CatalogueRules.check(document, context, yaml);
		}
		if (!yaml.problems().isEmpty()) {
			throw new CatalogueInvalid(yaml.problems());
		}
		return document;
	}

	/** Reads and checks one item, as an administrator edits it. */
	static ServiceItem readItem(String file, Reader reader, CatalogueRules.Context context) {
		YamlReader yaml = new YamlReader(file);
		Node root = yaml.parse(reader);
		ServiceItem item = null;
		if (root != null) {
			item = item(yaml, root, "item");
		}
		if (yaml.problems().isEmpty() && item != null) {
			CatalogueRules.checkItem(item, "item", Set.of(), Set.of(), context, yaml);
		}
		if (!yaml.problems().isEmpty() || item == null) {
			throw new CatalogueInvalid(yaml.problems());
		}
		return item;
	}

	private static List<Region> regions(YamlReader yaml, MappingNode top) {
		List<Region> regions = new ArrayList<>();
		List<Node> nodes = yaml.list(top, "regions", "(file)");
		for (int i = 0; i < nodes.size(); i++) {
			String path = "regions[" + i + "]";
			MappingNode node = yaml.mapping(nodes.get(i), path);
			if (node == null) {
				continue;
			}
			yaml.onlyKeys(node, path, Set.of("code", "name", "level", "parent"));
			String code = yaml.text(node, "code", path, true);
			String name = yaml.text(node, "name", path, true);
			RegionLevel level = yaml.enumeration(node, "level", path, RegionLevel.class, null, true);
			String parent = yaml.text(node, "parent", path, false);
			if (code != null && !code.matches("\\d{6}|\\d{9}|\\d{12}")) {
				yaml.problem(path + ".code", "a division code has 6, 9 or 12 digits");
			}
			else if (code != null && name != null && level != null) {
				regions.add(new Region(code, name, level, parent));
			}
		}
		return regions;
	}

	private static List<Department> departments(YamlReader yaml, MappingNode top) {
		List<Department> departments = new ArrayList<>();
		List<Node> nodes = yaml.list(top, "departments", "(file)");
		for (int i = 0; i < nodes.size(); i++) {
			String path = "departments[" + i + "]";
			MappingNode node = yaml.mapping(nodes.get(i), path);
			if (node == null) {
				continue;
			}
			yaml.onlyKeys(node, path, Set.of("code", "name", "region", "creditCode"));
			String code = yaml.text(node, "code", path, true);
			String name = yaml.text(node, "name", path, true);
			String region = yaml.text(node, "region", path, true);
			String credit = yaml.text(node, "creditCode", path, true);
			if (code != null && !code.matches("[a-z][a-z0-9-]{1,30}")) {
				yaml.problem(path + ".code", "lower-case letters, digits and '-', starting with a letter");
				continue;
			}
			if (credit != null && !CreditCode.isValid(credit)) {
				yaml.problem(path + ".creditCode", "not a valid unified social credit code (GB 32100)");
				continue;
			}
			if (code != null && name != null && region != null && credit != null) {
				departments.add(new Department(code, name, region, CreditCode.of(credit)));
			}
		}
		return departments;
	}

	private static List<ServiceItem> items(YamlReader yaml, MappingNode top) {
		List<ServiceItem> items = new ArrayList<>();
		List<Node> nodes = yaml.list(top, "items", "(file)");
		for (int i = 0; i < nodes.size(); i++) {
			ServiceItem item = item(yaml, nodes.get(i), "items[" + i + "]");
			if (item != null) {
				items.add(item);
			}
		}
		return items;
	}

	private static ServiceItem item(YamlReader yaml, Node raw, String path) {
		MappingNode node = yaml.mapping(raw, path);
		if (node == null) {
			return null;
		}
		yaml.onlyKeys(node, path, ITEM_KEYS);
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String department = yaml.text(node, "department", path, true);
		String region = yaml.text(node, "region", path, true);
		boolean citywide = yaml.bool(node, "citywide", path, false);
		List<String> legalBasis = yaml.texts(node, "legalBasis", path);
		List<String> conditions = yaml.texts(node, "conditions", path);
		List<Fee> fees = fees(yaml, node, path);
		int statutory = 0;
		int committed = 0;
		Node limitsNode = yaml.child(node, "limits");
		if (limitsNode == null) {
			yaml.problem(node, path + ".limits", "missing");
		}
		else {
			MappingNode limits = yaml.mapping(limitsNode, path + ".limits");
			if (limits != null) {
				yaml.onlyKeys(limits, path + ".limits", Set.of("statutory", "committed"));
				statutory = yaml.integer(limits, "statutory", path + ".limits", 0, 0, 3650, true);
				committed = yaml.integer(limits, "committed", path + ".limits", 0, 0, 3650, true);
			}
		}
		Channel channels = yaml.enumeration(node, "channels", path, Channel.class, null, true);
		int visits = yaml.integer(node, "visits", path, 0, 0, 1, true);
		boolean onTheSpot = yaml.bool(node, "onTheSpot", path, false);
		int materialsBefore = yaml.integer(node, "materialsBefore", path, 0, 0, 1000, true);
		String licence = yaml.text(node, "licence", path, false);
		List<String> keywords = yaml.texts(node, "keywords", path);
		List<FormField> fields = formFields(yaml, node, path);
		List<Material> materials = materials(yaml, node, path);
		if (code == null || name == null || department == null || region == null || channels == null) {
			return null;
		}
		return new ServiceItem(code, name, department, region, citywide, legalBasis, conditions, fees, statutory,
				committed, channels, visits, onTheSpot, materialsBefore, licence, keywords, new Form(fields),
				materials);
	}

	private static List<Fee> fees(YamlReader yaml, MappingNode item, String path) {
		List<Fee> fees = new ArrayList<>();
		List<Node> nodes = yaml.list(item, "fees", path);
		for (int i = 0; i < nodes.size(); i++) {
			String at = path + ".fees[" + i + "]";
			MappingNode node = yaml.mapping(nodes.get(i), at);
			if (node == null) {
				continue;
			}
			yaml.onlyKeys(node, at, Set.of("name", "amount", "unit", "basis"));
			String name = yaml.text(node, "name", at, true);
			String amount = yaml.text(node, "amount", at, true);
			String unit = yaml.text(node, "unit", at, true);
			String basis = yaml.text(node, "basis", at, true);
			BigDecimal value = null;
			if (amount != null) {
				try {
					value = new BigDecimal(amount);
					if (value.signum() < 0) {
						yaml.problem(at + ".amount", "must not be negative");
					}
				}
				catch (NumberFormatException ex) {
					yaml.problem(at + ".amount", "expected an amount in yuan such as 80 or 12.5, got '" + amount + "'");
				}
			}
			if (name != null && value != null && unit != null && basis != null) {
				fees.add(new Fee(name, value, unit, basis));
			}
		}
		return fees;
	}

	private static List<FormField> formFields(YamlReader yaml, MappingNode owner, String path) {
		List<FormField> fields = new ArrayList<>();
		List<Node> nodes = yaml.list(owner, "form", path);
		for (int i = 0; i < nodes.size(); i++) {
			String at = path + ".form[" + i + "]";
			MappingNode node = yaml.mapping(nodes.get(i), at);
			if (node != null) {
				yaml.onlyKeys(node, at, FIELD_KEYS);
				FormField field = field(yaml, node, at);
				if (field != null) {
					fields.add(field);
				}
			}
		}
		return fields;
	}

	private static FormField field(YamlReader yaml, MappingNode node, String at) {
		String name = yaml.text(node, "name", at, true);
		String label = yaml.text(node, "label", at, true);
		FieldType type = yaml.enumeration(node, "type", at, FieldType.class, null, true);
		boolean required = yaml.bool(node, "required", at, false);
		String pattern = yaml.text(node, "pattern", at, false);
		List<String> options = yaml.texts(node, "options", at);
		if (name == null || label == null || type == null) {
			return null;
		}
		return new FormField(name, label, type, required, pattern, options);
	}

	private static List<Material> materials(YamlReader yaml, MappingNode item, String path) {
		List<Material> materials = new ArrayList<>();
		List<Node> nodes = yaml.list(item, "materials", path);
		for (int i = 0; i < nodes.size(); i++) {
			String at = path + ".materials[" + i + "]";
			MappingNode node = yaml.mapping(nodes.get(i), at);
			if (node == null) {
				continue;
			}
			yaml.onlyKeys(node, at, Set.of("code", "name", "source", "dataElement", "licenceType", "waivedReason"));
			String code = yaml.text(node, "code", at, true);
			String name = yaml.text(node, "name", at, true);
			MaterialSource source = yaml.enumeration(node, "source", at, MaterialSource.class, null, true);
			String dataElement = yaml.text(node, "dataElement", at, false);
			String licenceType = yaml.text(node, "licenceType", at, false);
			String waivedReason = yaml.text(node, "waivedReason", at, false);
			if (code != null && name != null && source != null) {
				materials.add(new Material(code, name, source, dataElement, licenceType, waivedReason));
			}
		}
		return materials;
	}

	private static List<Bundle> bundles(YamlReader yaml, MappingNode top) {
		List<Bundle> bundles = new ArrayList<>();
		List<Node> nodes = yaml.list(top, "bundles", "(file)");
		for (int i = 0; i < nodes.size(); i++) {
			Bundle bundle = bundle(yaml, nodes.get(i), "bundles[" + i + "]");
			if (bundle != null) {
				bundles.add(bundle);
			}
		}
		return bundles;
	}

	/**
	 * Reads and checks one bundle against the published items, as an administrator edits
	 * it.
	 */
	static Bundle readBundle(String file, Reader reader, CatalogueRules.Context context) {
		YamlReader yaml = new YamlReader(file);
		Node root = yaml.parse(reader);
		Bundle bundle = (root != null) ? bundle(yaml, root, "bundle") : null;
		if (yaml.problems().isEmpty() && bundle != null) {
			CatalogueRules.checkBundle(bundle, "bundle", Map.of(), context, yaml);
		}
		if (!yaml.problems().isEmpty() || bundle == null) {
			throw new CatalogueInvalid(yaml.problems());
		}
		return bundle;
	}

	private static Bundle bundle(YamlReader yaml, Node raw, String path) {
		MappingNode node = yaml.mapping(raw, path);
		if (node == null) {
			return null;
		}
		yaml.onlyKeys(node, path, Set.of("code", "name", "description", "keywords", "items", "form"));
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String description = yaml.text(node, "description", path, false);
		List<String> keywords = yaml.texts(node, "keywords", path);
		List<String> items = yaml.texts(node, "items", path);
		List<BundleField> fields = new ArrayList<>();
		List<Node> fieldNodes = yaml.list(node, "form", path);
		Set<String> keys = new java.util.HashSet<>(FIELD_KEYS);
		keys.add("maps");
		for (int f = 0; f < fieldNodes.size(); f++) {
			String at = path + ".form[" + f + "]";
			MappingNode fieldNode = yaml.mapping(fieldNodes.get(f), at);
			if (fieldNode == null) {
				continue;
			}
			yaml.onlyKeys(fieldNode, at, keys);
			FormField field = field(yaml, fieldNode, at);
			Map<String, String> maps = yaml.textMap(fieldNode, "maps", at);
			if (field != null) {
				fields.add(new BundleField(field.name(), field.label(), field.type(), field.required(), field.pattern(),
						field.options(), maps));
			}
		}
		if (code == null || name == null) {
			return null;
		}
		return new Bundle(code, name, description, keywords, items, fields);
	}

	/**
	 * The canonical text of a catalogue: fixed key order, defaults left out, block style.
	 */
	static String write(CatalogueDocument document) {
		Map<String, Object> top = new LinkedHashMap<>();
		top.put("regions", document.regions().stream().map(CatalogueYaml::region).toList());
		top.put("departments", document.departments().stream().map(CatalogueYaml::department).toList());
		top.put("items", document.items().stream().map(CatalogueYaml::item).toList());
		top.put("bundles", document.bundles().stream().map(CatalogueYaml::bundle).toList());
		return yaml().dump(top);
	}

	static String writeItem(ServiceItem item) {
		return yaml().dump(item(item));
	}

	static String writeBundle(Bundle bundle) {
		return yaml().dump(bundle(bundle));
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setAllowUnicode(true);
		options.setWidth(200);
		options.setSplitLines(false);
		return new Yaml(options);
	}

	private static Map<String, Object> region(Region region) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", region.code());
		map.put("name", region.name());
		map.put("level", YamlReader.camel(region.level()));
		putIf(map, "parent", region.parentCode());
		return map;
	}

	private static Map<String, Object> department(Department department) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", department.code());
		map.put("name", department.name());
		map.put("region", department.regionCode());
		map.put("creditCode", department.creditCode().value());
		return map;
	}

	private static Map<String, Object> item(ServiceItem item) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", item.code());
		map.put("name", item.name());
		map.put("department", item.departmentCode());
		map.put("region", item.regionCode());
		if (item.citywide()) {
			map.put("citywide", true);
		}
		putList(map, "legalBasis", item.legalBasis());
		putList(map, "conditions", item.conditions());
		if (!item.fees().isEmpty()) {
			map.put("fees", item.fees().stream().map((fee) -> {
				Map<String, Object> f = new LinkedHashMap<>();
				f.put("name", fee.name());
				f.put("amount", fee.amount().toPlainString());
				f.put("unit", fee.unit());
				f.put("basis", fee.basis());
				return f;
			}).toList());
		}
		Map<String, Object> limits = new LinkedHashMap<>();
		limits.put("statutory", item.statutoryLimit());
		limits.put("committed", item.committedLimit());
		map.put("limits", limits);
		map.put("channels", YamlReader.camel(item.channels()));
		map.put("visits", item.visits());
		if (item.onTheSpot()) {
			map.put("onTheSpot", true);
		}
		map.put("materialsBefore", item.materialsBefore());
		putIf(map, "licence", item.licenceType());
		putList(map, "keywords", item.keywords());
		if (!item.form().fields().isEmpty()) {
			map.put("form", item.form().fields().stream().map(CatalogueYaml::field).toList());
		}
		if (!item.materials().isEmpty()) {
			map.put("materials", item.materials().stream().map((material) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("code", material.code());
				m.put("name", material.name());
				m.put("source", YamlReader.camel(material.source()));
				putIf(m, "dataElement", material.dataElement());
				putIf(m, "licenceType", material.licenceType());
				putIf(m, "waivedReason", material.waivedReason());
				return m;
			}).toList());
		}
		return map;
	}

	private static Map<String, Object> field(FormField field) {
		return field(field.name(), field.label(), field.type(), field.required(), field.pattern(), field.options());
	}

	private static Map<String, Object> field(String name, String label, FieldType type, boolean required,
			String pattern, List<String> options) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("label", label);
		map.put("type", YamlReader.camel(type));
		if (required) {
			map.put("required", true);
		}
		putIf(map, "pattern", pattern);
		putList(map, "options", options);
		return map;
	}

	private static Map<String, Object> bundle(Bundle bundle) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", bundle.code());
		map.put("name", bundle.name());
		putIf(map, "description", bundle.description());
		putList(map, "keywords", bundle.keywords());
		map.put("items", bundle.itemCodes());
		if (!bundle.fields().isEmpty()) {
			map.put("form", bundle.fields().stream().map((field) -> {
				Map<String, Object> f = field(field.name(), field.label(), field.type(), field.required(),
						field.pattern(), field.options());
				// maps in item order so that the text does not depend on hashing
				Map<String, Object> maps = new LinkedHashMap<>();
				bundle.itemCodes()
					.stream()
					.filter(field.itemFields()::containsKey)
					.forEach((code) -> maps.put(code, field.itemFields().get(code)));
				field.itemFields()
					.keySet()
					.stream()
					.sorted()
					.filter((code) -> !maps.containsKey(code))
					.forEach((code) -> maps.put(code, field.itemFields().get(code)));
				f.put("maps", maps);
				return f;
			}).toList());
		}
		return map;
	}

	private static void putIf(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static void putList(Map<String, Object> map, String key, List<String> values) {
		if (!values.isEmpty()) {
			map.put(key, values);
		}
	}

}
