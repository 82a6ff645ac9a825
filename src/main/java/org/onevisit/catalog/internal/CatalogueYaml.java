package org.onevisit.catalog.internal;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

import org.onevisit.catalog.ApplicantKind;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.Fee;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.FieldLimits;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.Form;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.ImplementationField;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MatterProperty;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.Prefill;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Workflow;
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

	static final Set<String> TOP = Set.of("regions", "departments", "basicItems", "items", "bundles");

	static final Set<String> BASIC_ITEM_KEYS = Set.of("code", "name", "legalBasis", "fixed", "bounds");

	static final Set<String> ITEM_KEYS = Set.of("code", "name", "department", "region", "citywide", "legalBasis",
			"conditions", "fees", "limits", "channels", "visits", "onTheSpot", "materialsBefore", "licence", "keywords",
			"form", "parties", "materials", "workflow", "approval", "eligibility",
			// the form fields that name the matter's object (one matter at a time on it)
			"sameMatter",
			// the changes the item's approval writes back to registries
			"writes",
			// who may apply (服务对象): person, business or both; a person when absent
			"applicants",
			// the basic item (基本目录) this item implements in its region, and its hall
			"basic", "hall",
			// the property the matter is about, whose county handles it (全市通办)
			"property");

	static final Set<String> FIELD_KEYS = Set.of("name", "label", "type", "required", "pattern", "options", "prefill",
			"maxLength", "minimum", "maximum");

	private CatalogueYaml() {
	}

	/**
	 * Reads and checks a whole catalogue; throws {@link CatalogueInvalid} listing every
	 * problem.
	 */
	static CatalogueDocument read(String file, Reader reader, CatalogueRules.Context context) {
		return readChecked(file, reader, (yaml, root) -> {
			MappingNode top = yaml.mapping(root, "(file)");
			if (top == null) {
				return null;
			}
			yaml.onlyKeys(top, "(file)", TOP);
			return new CatalogueDocument(yaml.mappings(top, "regions", "(file)", (node, at) -> region(yaml, node, at)),
					yaml.mappings(top, "departments", "(file)", (node, at) -> department(yaml, node, at)),
					yaml.mappings(top, "basicItems", "(file)", (node, at) -> basicItem(yaml, node, at)),
					yaml.mappings(top, "items", "(file)", (node, at) -> item(yaml, node, at)),
					yaml.mappings(top, "bundles", "(file)", (node, at) -> bundle(yaml, node, at)));
		}, (document, yaml) -> CatalogueRules.check(document, context, yaml));
	}

	/** Reads and checks one item, as an administrator edits it. */
	static ServiceItem readItem(String file, Reader reader, CatalogueRules.Context context) {
		return readChecked(file, reader, (yaml, root) -> {
			MappingNode node = yaml.mapping(root, "item");
			return (node != null) ? item(yaml, node, "item") : null;
		}, (item, yaml) -> {
			CatalogueRules.checkItem(item, "item", Set.of(), Set.of(), context, yaml);
			CatalogueRules.checkImplementation(item, "item", Map.of(),
					CatalogueRules.implementationsBeside(item, List.of(item), context), context, yaml);
		});
	}

	/**
	 * Reads and checks one bundle against the published items, as an administrator edits
	 * it.
	 */
	static Bundle readBundle(String file, Reader reader, CatalogueRules.Context context) {
		return readChecked(file, reader, (yaml, root) -> {
			MappingNode node = yaml.mapping(root, "bundle");
			return (node != null) ? bundle(yaml, node, "bundle") : null;
		}, (bundle, yaml) -> CatalogueRules.checkBundle(bundle, "bundle", Map.of(), context, yaml));
	}

	/**
	 * Parses, then checks the rules only if the file read cleanly (rules on half-read
	 * content would report noise), and refuses the whole with every problem found.
	 */
	/**
	 * Reads the licence types file ({@code licenceTypes:} list); throws
	 * {@link CatalogueInvalid} listing every problem.
	 */
	static List<LicenceType> readLicenceTypes(String file, Reader reader) {
		return readChecked(file, reader, (yaml, root) -> {
			MappingNode top = yaml.mapping(root, "(file)");
			if (top == null) {
				return null;
			}
			yaml.onlyKeys(top, "(file)", Set.of("licenceTypes"));
			return yaml.mappings(top, "licenceTypes", "(file)", (node, at) -> licenceType(yaml, node, at));
		}, CatalogueRules::checkLicenceTypes);
	}

	private static LicenceType licenceType(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, Set.of("name", "code", "validity", "holder", "number", "supersedes", "fields"));
		String name = yaml.text(node, "name", path, true);
		String code = yaml.text(node, "code", path, true);
		String validity = yaml.text(node, "validity", path, false);
		Period period = null;
		if (validity != null) {
			try {
				period = Period.parse(validity);
			}
			catch (DateTimeParseException ex) {
				yaml.problem(path + ".validity", "a validity is an ISO-8601 period such as P5Y or P6M");
			}
		}
		LicenceType.Holder holder = licenceHolder(yaml, node, path);
		LicenceType.LegalNumber number = null;
		if (yaml.child(node, "number") != null) {
			MappingNode numberNode = yaml.mapping(yaml.child(node, "number"), path + ".number");
			if (numberNode != null) {
				yaml.onlyKeys(numberNode, path + ".number", Set.of("field", "sequence"));
				number = new LicenceType.LegalNumber(yaml.text(numberNode, "field", path + ".number", false),
						yaml.text(numberNode, "sequence", path + ".number", false));
			}
		}
		LicenceType.Supersedes supersedes = null;
		if (yaml.child(node, "supersedes") != null) {
			String at = path + ".supersedes";
			MappingNode supersedesNode = yaml.mapping(yaml.child(node, "supersedes"), at);
			if (supersedesNode != null) {
				yaml.onlyKeys(supersedesNode, at, Set.of("byNumber", "sameHolder"));
				supersedes = new LicenceType.Supersedes(sources(yaml, supersedesNode, "byNumber", at),
						sources(yaml, supersedesNode, "sameHolder", at));
			}
		}
		List<LicenceType.Field> fields = yaml.mappings(node, "fields", path, (field, at) -> {
			yaml.onlyKeys(field, at, Set.of("name", "label", "type", "unit", "required", "from"));
			String fieldName = yaml.text(field, "name", at, true);
			String label = yaml.text(field, "label", at, true);
			LicenceType.Kind kind = yaml.enumeration(field, "type", at, LicenceType.Kind.class, LicenceType.Kind.TEXT,
					false);
			String unit = yaml.text(field, "unit", at, false);
			boolean required = yaml.bool(field, "required", at, true);
			List<LicenceType.Source> from = sources(yaml, field, "from", at);
			if (from.isEmpty() && yaml.child(field, "from") == null) {
				yaml.problem(at + ".from", "name at least one source that fills it");
			}
			return (fieldName != null && label != null)
					? new LicenceType.Field(fieldName, label, kind, unit, required, from) : null;
		});
		return (name != null && code != null) ? new LicenceType(name, code, period, holder, number, supersedes, fields)
				: null;
	}

	/**
	 * {@code holder: [buyerId, ...]} or {@code holder: {from: [...]}} names one holder;
	 * {@code holder: {each: [partyAId, partyBId]}} one licence for each.
	 */
	private static LicenceType.Holder licenceHolder(YamlReader yaml, MappingNode node, String path) {
		Node holder = yaml.child(node, "holder");
		if (holder == null) {
			return null;
		}
		if (holder instanceof MappingNode mapping) {
			String at = path + ".holder";
			yaml.onlyKeys(mapping, at, Set.of("from", "each"));
			List<LicenceType.Source> each = sources(yaml, mapping, "each", at);
			if (!each.isEmpty() && yaml.child(mapping, "from") != null) {
				yaml.problem(at, "a licence has one holder (from) or one for each party (each), not both");
			}
			return each.isEmpty() ? new LicenceType.Holder(false, sources(yaml, mapping, "from", at))
					: new LicenceType.Holder(true, each);
		}
		return new LicenceType.Holder(false, sources(yaml, node, "holder", path));
	}

	private static List<LicenceType.Source> sources(YamlReader yaml, MappingNode node, String key, String path) {
		List<String> texts = yaml.texts(node, key, path);
		List<LicenceType.Source> sources = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			Optional<LicenceType.Source> source = LicenceType.Source.parse(texts.get(i));
			if (source.isPresent()) {
				sources.add(source.get());
			}
			else {
				yaml.problem(path + "." + key + "[" + i + "]", "a source is a form field (buyerName), result:<name>,"
						+ " registry:<element>.<field>@<form field> or issue:issuer|date, got '" + texts.get(i) + "'");
			}
		}
		return sources;
	}

	private static <T> T readChecked(String file, Reader reader, BiFunction<YamlReader, Node, T> parse,
			BiConsumer<T, YamlReader> check) {
		YamlReader yaml = new YamlReader(file);
		Node root = yaml.parse(reader);
		T content = (root != null) ? parse.apply(yaml, root) : null;
		if (yaml.problems().isEmpty() && content != null) {
			check.accept(content, yaml);
		}
		if (!yaml.problems().isEmpty() || content == null) {
			throw new CatalogueInvalid(yaml.problems());
		}
		return content;
	}

	private static Region region(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, Set.of("code", "name", "level", "parent"));
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		RegionLevel level = yaml.enumeration(node, "level", path, RegionLevel.class, null, true);
		String parent = yaml.text(node, "parent", path, false);
		if (code != null && !code.matches("\\d{6}|\\d{9}|\\d{12}")) {
			yaml.problem(path + ".code", "a division code has 6, 9 or 12 digits");
			return null;
		}
		return (code != null && name != null && level != null) ? new Region(code, name, level, parent) : null;
	}

	private static BasicItem basicItem(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, BASIC_ITEM_KEYS);
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		List<String> legalBasis = yaml.texts(node, "legalBasis", path);
		if (legalBasis.isEmpty()) {
			yaml.problem(node, path + ".legalBasis", "a basic item names its legal basis");
		}
		Set<ImplementationField> fixed = new HashSet<>();
		List<String> keys = yaml.texts(node, "fixed", path);
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			Optional<ImplementationField> field = Arrays.stream(ImplementationField.values())
				.filter((candidate) -> candidate.key().equals(key))
				.findFirst();
			if (field.isEmpty()) {
				yaml.problem(node, path + ".fixed[" + i + "]", "unknown attribute " + key + ", expected one of "
						+ Arrays.stream(ImplementationField.values()).map(ImplementationField::key).toList());
			}
			else {
				fixed.add(field.get());
			}
		}
		Integer maxCommitted = null;
		BigDecimal maxFee = null;
		Node boundsNode = yaml.child(node, "bounds");
		if (boundsNode != null) {
			MappingNode bounds = yaml.mapping(boundsNode, path + ".bounds");
			if (bounds != null) {
				yaml.onlyKeys(bounds, path + ".bounds", Set.of("committed", "fee"));
				if (yaml.child(bounds, "committed") != null) {
					maxCommitted = yaml.integer(bounds, "committed", path + ".bounds", 0, 0, 3650, true);
				}
				maxFee = yaml.decimal(bounds, "fee", path + ".bounds");
			}
		}
		if (code != null && !CatalogueRules.BASIC_CODE.matcher(code).matches()) {
			yaml.problem(path + ".code", "a basic item code is 3-30 upper-case letters, digits and '-'");
			return null;
		}
		return (code != null && name != null) ? new BasicItem(code, name, legalBasis, fixed, maxCommitted, maxFee)
				: null;
	}

	private static Department department(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, Set.of("code", "name", "region", "creditCode"));
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String region = yaml.text(node, "region", path, true);
		String credit = yaml.text(node, "creditCode", path, true);
		if (code != null && !code.matches("[a-z][a-z0-9-]{1,30}")) {
			yaml.problem(path + ".code", "lower-case letters, digits and '-', starting with a letter");
			return null;
		}
		if (credit != null && !CreditCode.isValid(credit)) {
			yaml.problem(path + ".creditCode", "not a valid unified social credit code (GB 32100)");
			return null;
		}
		return (code != null && name != null && region != null && credit != null)
				? new Department(code, name, region, CreditCode.of(credit)) : null;
	}

	private static ServiceItem item(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, ITEM_KEYS);
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String department = yaml.text(node, "department", path, true);
		String region = yaml.text(node, "region", path, true);
		boolean citywide = yaml.bool(node, "citywide", path, false);
		List<String> legalBasis = yaml.texts(node, "legalBasis", path);
		List<String> conditions = yaml.texts(node, "conditions", path);
		List<Fee> fees = yaml.mappings(node, "fees", path, (fee, at) -> fee(yaml, fee, at));
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
		List<String> sameMatter = yaml.texts(node, "sameMatter", path);
		List<RegistryChange> writes = yaml.enumerations(node, "writes", path, RegistryChange.class, "registry change");
		List<ApplicantKind> applicants = yaml.enumerations(node, "applicants", path, ApplicantKind.class,
				"applicant kind");
		List<FormField> fields = yaml.mappings(node, "form", path, (field, at) -> {
			yaml.onlyKeys(field, at, FIELD_KEYS);
			return field(yaml, field, at);
		});
		List<Party> parties = yaml.mappings(node, "parties", path, (party, at) -> party(yaml, party, at));
		List<Material> materials = yaml.mappings(node, "materials", path,
				(material, at) -> material(yaml, material, at));
		List<ReviewStep> steps = yaml.mappings(node, "workflow", path, (step, at) -> step(yaml, step, at));
		List<ApprovalRule> rules = yaml.mappings(node, "approval", path, (rule, at) -> rule(yaml, rule, at));
		List<ApprovalRule> eligibility = yaml.mappings(node, "eligibility", path,
				(condition, at) -> condition(yaml, condition, at));
		String basic = yaml.text(node, "basic", path, false);
		String hall = yaml.text(node, "hall", path, false);
		MatterProperty property = matterProperty(yaml, node, path);
		if (code == null || name == null || department == null || region == null || channels == null) {
			return null;
		}
		return new ServiceItem(code, name, department, region, citywide, legalBasis, conditions, fees, statutory,
				committed, channels, visits, onTheSpot, materialsBefore, licence, keywords, new Form(fields), materials,
				new Workflow(steps), rules, parties, eligibility, sameMatter, writes, applicants, basic, hall,
				property);
	}

	/**
	 * The property the matter is about: its certificate's field, its owner's, the law.
	 */
	private static MatterProperty matterProperty(YamlReader yaml, MappingNode node, String path) {
		Node child = yaml.child(node, "property");
		if (child == null) {
			return null;
		}
		MappingNode property = yaml.mapping(child, path + ".property");
		if (property == null) {
			return null;
		}
		yaml.onlyKeys(property, path + ".property", Set.of("certificate", "owner", "basis"));
		String certificate = yaml.text(property, "certificate", path + ".property", true);
		String owner = yaml.text(property, "owner", path + ".property", true);
		String basis = yaml.text(property, "basis", path + ".property", true);
		return (certificate != null && owner != null && basis != null) ? new MatterProperty(certificate, owner, basis)
				: null;
	}

	private static Party party(YamlReader yaml, MappingNode node, String at) {
		yaml.onlyKeys(node, at, Set.of("field", "role", "confirms", "from", "property"));
		String field = yaml.text(node, "field", at, false);
		Party.Role role = yaml.enumeration(node, "role", at, Party.Role.class, null, true);
		Party.Confirmation confirms = yaml.enumeration(node, "confirms", at, Party.Confirmation.class,
				Party.Confirmation.NONE, false);
		Party.Source from = yaml.enumeration(node, "from", at, Party.Source.class, null, false);
		String property = yaml.text(node, "property", at, false);
		return (role != null) ? new Party(field, role, confirms, from, property) : null;
	}

	private static final Set<String> CONDITION_KEYS = Set.of("name", "element", "field", "form", "check", "value",
			"values", "of", "maxAgeDays", "match", "absentHolds", "sentence", "sentenceEn", "basis");

	/**
	 * A condition of eligibility: a rule in the language of instant approval, with the
	 * sentence a person reads and its legal basis.
	 */
	private static ApprovalRule condition(YamlReader yaml, MappingNode node, String at) {
		yaml.onlyKeys(node, at, CONDITION_KEYS);
		String name = yaml.text(node, "name", at, true);
		ApprovalRule.Check check = yaml.enumeration(node, "check", at, ApprovalRule.Check.class, null, true);
		String sentence = yaml.text(node, "sentence", at, true);
		String basis = yaml.text(node, "basis", at, true);
		Integer maxAge = (yaml.child(node, "maxAgeDays") != null)
				? yaml.integer(node, "maxAgeDays", at, 0, 1, 3650, true) : null;
		ApprovalRule.Match match = null;
		Node matchNode = yaml.child(node, "match");
		if (matchNode != null) {
			MappingNode matching = yaml.mapping(matchNode, at + ".match");
			if (matching != null) {
				yaml.onlyKeys(matching, at + ".match", Set.of("field", "form"));
				String field = yaml.text(matching, "field", at + ".match", true);
				String form = yaml.text(matching, "form", at + ".match", true);
				match = (field != null && form != null) ? new ApprovalRule.Match(field, form) : null;
			}
		}
		if (name == null || check == null || sentence == null || basis == null) {
			return null;
		}
		return new ApprovalRule(name, yaml.text(node, "element", at, false), yaml.text(node, "field", at, false),
				yaml.text(node, "form", at, false), check, yaml.text(node, "value", at, false),
				yaml.text(node, "of", at, false), maxAge, yaml.texts(node, "values", at), match,
				yaml.bool(node, "absentHolds", at, false), sentence, yaml.text(node, "sentenceEn", at, false), basis);
	}

	private static ApprovalRule rule(YamlReader yaml, MappingNode node, String at) {
		yaml.onlyKeys(node, at, Set.of("name", "element", "field", "form", "check", "value", "of", "maxAgeDays"));
		String name = yaml.text(node, "name", at, true);
		ApprovalRule.Check check = yaml.enumeration(node, "check", at, ApprovalRule.Check.class, null, true);
		Integer maxAge = (yaml.child(node, "maxAgeDays") != null)
				? yaml.integer(node, "maxAgeDays", at, 0, 1, 3650, true) : null;
		return (name != null && check != null) ? new ApprovalRule(name, yaml.text(node, "element", at, false),
				yaml.text(node, "field", at, false), yaml.text(node, "form", at, false), check,
				yaml.text(node, "value", at, false), yaml.text(node, "of", at, false), maxAge) : null;
	}

	/**
	 * A rule of instant approval as the file writes it: what it reads and how it checks
	 * it (a rule read from an item's approval list has no values).
	 */
	private static Map<String, Object> rule(ApprovalRule rule) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("name", rule.name());
		putIf(r, "element", rule.element());
		putIf(r, "field", rule.field());
		putIf(r, "form", rule.form());
		r.put("check", YamlReader.camel(rule.check()));
		putIf(r, "value", rule.value());
		if (!rule.values().isEmpty()) {
			r.put("values", rule.values());
		}
		putIf(r, "of", rule.of());
		if (rule.maxAgeDays() != null) {
			r.put("maxAgeDays", rule.maxAgeDays());
		}
		return r;
	}

	/** A condition of eligibility: its rule, then what a person reads of it. */
	private static Map<String, Object> condition(ApprovalRule condition) {
		Map<String, Object> c = rule(condition);
		if (condition.match() != null) {
			Map<String, Object> match = new LinkedHashMap<>();
			match.put("field", condition.match().field());
			match.put("form", condition.match().form());
			c.put("match", match);
		}
		if (condition.absentHolds()) {
			c.put("absentHolds", true);
		}
		c.put("sentence", condition.sentence());
		putIf(c, "sentenceEn", condition.sentenceEn());
		c.put("basis", condition.basis());
		return c;
	}

	private static ReviewStep step(YamlReader yaml, MappingNode node, String at) {
		yaml.onlyKeys(node, at, Set.of("name", "label", "role", "next", "notBy"));
		String name = yaml.text(node, "name", at, true);
		ReviewStep.StepRole role = yaml.enumeration(node, "role", at, ReviewStep.StepRole.class, null, true);
		List<String> next = yaml.texts(node, "next", at);
		String label = yaml.text(node, "label", at, false);
		List<String> notBy = yaml.texts(node, "notBy", at);
		return (name != null && role != null) ? new ReviewStep(name, label, role, next, notBy) : null;
	}

	private static Fee fee(YamlReader yaml, MappingNode node, String at) {
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
		return (name != null && value != null && unit != null && basis != null) ? new Fee(name, value, unit, basis)
				: null;
	}

	private static FormField field(YamlReader yaml, MappingNode node, String at) {
		String name = yaml.text(node, "name", at, true);
		String label = yaml.text(node, "label", at, true);
		FieldType type = yaml.enumeration(node, "type", at, FieldType.class, null, true);
		boolean required = yaml.bool(node, "required", at, false);
		String pattern = yaml.text(node, "pattern", at, false);
		List<String> options = yaml.texts(node, "options", at);
		Prefill prefill = null;
		Node prefillNode = yaml.child(node, "prefill");
		if (prefillNode != null) {
			MappingNode mapping = yaml.mapping(prefillNode, at + ".prefill");
			if (mapping != null) {
				yaml.onlyKeys(mapping, at + ".prefill", Set.of("element", "field", "of"));
				String element = yaml.text(mapping, "element", at + ".prefill", true);
				String field = yaml.text(mapping, "field", at + ".prefill", true);
				String of = yaml.text(mapping, "of", at + ".prefill", false);
				prefill = (element != null && field != null) ? new Prefill(element, field, of) : null;
			}
		}
		FieldLimits limits = limits(yaml, node, at, type);
		if (name == null || label == null || type == null) {
			return null;
		}
		return new FormField(name, label, type, required, pattern, options, prefill, limits);
	}

	/**
	 * A field's own limits: a length for text, a range for numbers, each within the
	 * platform's ceilings.
	 */
	private static FieldLimits limits(YamlReader yaml, MappingNode node, String at, FieldType type) {
		Integer maxLength = yaml.optionalInteger(node, "maxLength", at, 1, FieldLimits.TEXT_CEILING);
		BigDecimal minimum = yaml.decimal(node, "minimum", at);
		BigDecimal maximum = yaml.decimal(node, "maximum", at);
		if (maxLength != null && type != null && type != FieldType.STRING) {
			yaml.problem(at + ".maxLength", "only a text field has a maximum length");
		}
		if ((minimum != null || maximum != null) && type != null && type != FieldType.NUMBER) {
			yaml.problem(at + ((minimum != null) ? ".minimum" : ".maximum"), "only a number field has a range");
		}
		if (minimum != null && minimum.signum() < 0) {
			yaml.problem(at + ".minimum", "must not be negative: every number of a form is an amount, area or count");
		}
		if (maximum != null && maximum.compareTo(FieldLimits.NUMBER_CEILING) > 0) {
			yaml.problem(at + ".maximum", "must not exceed " + FieldLimits.NUMBER_CEILING.toPlainString());
		}
		if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
			yaml.problem(at + ".minimum", "is greater than the maximum " + maximum.toPlainString());
		}
		return new FieldLimits(maxLength, minimum, maximum);
	}

	private static Material material(YamlReader yaml, MappingNode node, String at) {
		yaml.onlyKeys(node, at, Set.of("code", "name", "source", "dataElement", "licenceType", "waivedReason", "of"));
		String code = yaml.text(node, "code", at, true);
		String name = yaml.text(node, "name", at, true);
		MaterialSource source = yaml.enumeration(node, "source", at, MaterialSource.class, null, true);
		String dataElement = yaml.text(node, "dataElement", at, false);
		String licenceType = yaml.text(node, "licenceType", at, false);
		String waivedReason = yaml.text(node, "waivedReason", at, false);
		String of = yaml.text(node, "of", at, false);
		return (code != null && name != null && source != null)
				? new Material(code, name, source, dataElement, licenceType, waivedReason, of) : null;
	}

	private static Bundle bundle(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path,
				Set.of("code", "name", "description", "keywords", "items", "form", "parties", "needs"));
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String description = yaml.text(node, "description", path, false);
		List<String> keywords = yaml.texts(node, "keywords", path);
		List<String> items = yaml.texts(node, "items", path);
		Set<String> keys = new HashSet<>(FIELD_KEYS);
		keys.add("maps");
		List<BundleField> fields = yaml.mappings(node, "form", path, (fieldNode, at) -> {
			yaml.onlyKeys(fieldNode, at, keys);
			FormField field = field(yaml, fieldNode, at);
			Map<String, String> maps = yaml.textMap(fieldNode, "maps", at);
			return (field != null) ? new BundleField(field.name(), field.label(), field.type(), field.required(),
					field.pattern(), field.options(), maps, field.prefill(), field.limits()) : null;
		});
		List<Party> parties = yaml.mappings(node, "parties", path, (party, at) -> party(yaml, party, at));
		Map<String, List<String>> needs = yaml.textLists(node, "needs", path);
		if (code == null || name == null) {
			return null;
		}
		return new Bundle(code, name, description, keywords, items, fields, parties, needs);
	}

	/**
	 * The canonical text of a catalogue: fixed key order, defaults left out, block style.
	 */
	static String write(CatalogueDocument document) {
		Map<String, Object> top = new LinkedHashMap<>();
		top.put("regions", document.regions().stream().map(CatalogueYaml::region).toList());
		top.put("departments", document.departments().stream().map(CatalogueYaml::department).toList());
		if (!document.basicItems().isEmpty()) {
			top.put("basicItems", document.basicItems().stream().map(CatalogueYaml::basicItem).toList());
		}
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
		Map<String, Object> map = codeAndName(region.code(), region.name());
		map.put("level", YamlReader.camel(region.level()));
		putIf(map, "parent", region.parentCode());
		return map;
	}

	private static Map<String, Object> basicItem(BasicItem basic) {
		Map<String, Object> map = codeAndName(basic.code(), basic.name());
		putList(map, "legalBasis", basic.legalBasis());
		// in the enumeration's order, so that an export reads the same every time
		putList(map, "fixed",
				Arrays.stream(ImplementationField.values())
					.filter(basic::fixes)
					.map(ImplementationField::key)
					.toList());
		Map<String, Object> bounds = new LinkedHashMap<>();
		if (basic.maxCommitted() != null) {
			bounds.put("committed", basic.maxCommitted());
		}
		if (basic.maxFee() != null) {
			bounds.put("fee", basic.maxFee().toPlainString());
		}
		if (!bounds.isEmpty()) {
			map.put("bounds", bounds);
		}
		return map;
	}

	private static Map<String, Object> department(Department department) {
		Map<String, Object> map = codeAndName(department.code(), department.name());
		map.put("region", department.regionCode());
		map.put("creditCode", department.creditCode().value());
		return map;
	}

	private static Map<String, Object> item(ServiceItem item) {
		Map<String, Object> map = codeAndName(item.code(), item.name());
		map.put("department", item.departmentCode());
		map.put("region", item.regionCode());
		putIf(map, "basic", item.basicCode());
		putIf(map, "hall", item.hallCode());
		if (item.citywide()) {
			map.put("citywide", true);
		}
		putList(map, "legalBasis", item.legalBasis());
		putList(map, "conditions", item.conditions());
		if (!item.eligibility().isEmpty()) {
			map.put("eligibility", item.eligibility().stream().map(CatalogueYaml::condition).toList());
		}
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
		putList(map, "sameMatter", item.sameMatter());
		if (item.property() != null) {
			Map<String, Object> property = new LinkedHashMap<>();
			property.put("certificate", item.property().certificate());
			property.put("owner", item.property().owner());
			property.put("basis", item.property().basis());
			map.put("property", property);
		}
		putList(map, "writes", item.writes().stream().map(YamlReader::camel).toList());
		if (!item.applicants().equals(List.of(ApplicantKind.PERSON))) {
			putList(map, "applicants", item.applicants().stream().map(YamlReader::camel).toList());
		}
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
		if (!item.workflow().equals(Workflow.SINGLE_DECISION)) {
			map.put("workflow", item.workflow().steps().stream().map((step) -> {
				Map<String, Object> s = new LinkedHashMap<>();
				s.put("name", step.name());
				if (step.label() != null) {
					s.put("label", step.label());
				}
				s.put("role", YamlReader.camel(step.role()));
				putList(s, "next", step.next());
				putList(s, "notBy", step.notBy());
				return s;
			}).toList());
		}
		if (!item.approvalRules().isEmpty()) {
			map.put("approval", item.approvalRules().stream().map(CatalogueYaml::rule).toList());
		}
		putParties(map, item.parties());
		if (!item.materials().isEmpty()) {
			map.put("materials", item.materials().stream().map((material) -> {
				Map<String, Object> m = codeAndName(material.code(), material.name());
				m.put("source", YamlReader.camel(material.source()));
				putIf(m, "dataElement", material.dataElement());
				putIf(m, "licenceType", material.licenceType());
				putIf(m, "waivedReason", material.waivedReason());
				putIf(m, "of", material.of());
				return m;
			}).toList());
		}
		return map;
	}

	private static Map<String, Object> field(FormField field) {
		return field(field.name(), field.label(), field.type(), field.required(), field.pattern(), field.options(),
				field.prefill(), field.limits());
	}

	private static Map<String, Object> field(String name, String label, FieldType type, boolean required,
			String pattern, List<String> options, Prefill prefill, FieldLimits limits) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("label", label);
		map.put("type", YamlReader.camel(type));
		if (required) {
			map.put("required", true);
		}
		putIf(map, "pattern", pattern);
		putList(map, "options", options);
		if (limits.maxLength() != null) {
			map.put("maxLength", limits.maxLength());
		}
		if (limits.minimum() != null) {
			map.put("minimum", limits.minimum().toPlainString());
		}
		if (limits.maximum() != null) {
			map.put("maximum", limits.maximum().toPlainString());
		}
		if (prefill != null) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("element", prefill.element());
			p.put("field", prefill.field());
			putIf(p, "of", prefill.of());
			map.put("prefill", p);
		}
		return map;
	}

	private static Map<String, Object> bundle(Bundle bundle) {
		Map<String, Object> map = codeAndName(bundle.code(), bundle.name());
		putIf(map, "description", bundle.description());
		putList(map, "keywords", bundle.keywords());
		map.put("items", bundle.itemCodes());
		if (!bundle.fields().isEmpty()) {
			map.put("form", bundle.fields().stream().map((field) -> {
				Map<String, Object> f = field(field.name(), field.label(), field.type(), field.required(),
						field.pattern(), field.options(), field.prefill(), field.limits());
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
		putParties(map, bundle.parties());
		if (!bundle.needs().isEmpty()) {
			map.put("needs", new LinkedHashMap<>(bundle.needs()));
		}
		return map;
	}

	private static void putParties(Map<String, Object> map, List<Party> parties) {
		if (parties.isEmpty()) {
			return;
		}
		map.put("parties", parties.stream().map((party) -> {
			Map<String, Object> p = new LinkedHashMap<>();
			putIf(p, "field", party.field());
			p.put("role", YamlReader.camel(party.role()));
			if (party.confirms()) {
				p.put("confirms", YamlReader.camel(party.confirmation()));
			}
			if (party.from() != Party.Source.FORM || party.field() == null) {
				p.put("from", YamlReader.camel(party.from()));
			}
			putIf(p, "property", party.property());
			return p;
		}).toList());
	}

	/** An entry of the file, begun as every coded entry is: its code, then its name. */
	private static Map<String, Object> codeAndName(String code, String name) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", code);
		map.put("name", name);
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
