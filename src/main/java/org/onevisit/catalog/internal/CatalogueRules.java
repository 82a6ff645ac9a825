package org.onevisit.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.Deque;
import java.util.ArrayDeque;

import org.onevisit.catalog.ApprovalRule;
import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.ImplementationField;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Party;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegistryFields;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.catalog.ServiceItem;

/**
 * The rules a catalogue must keep beyond its file format, each with a name. A document is
 * checked against itself and against what the catalogue already holds (the context), so a
 * file may refer to departments or items published earlier.
 */
final class CatalogueRules {

	/** What the catalogue already holds, for references a file does not define itself. */
	interface Context {

		Context EMPTY = new Context() {
		};

		default boolean departmentExists(String code) {
			return false;
		}

		default boolean regionExists(String code) {
			return false;
		}

		default Optional<ServiceItem> publishedItem(String code) {
			return Optional.empty();
		}

		default Optional<Region> region(String code) {
			return Optional.empty();
		}

		/**
		 * The province's basic items; {@code null} where they are not known (a file or an
		 * item checked on its own), and then only those of the file are checked.
		 */
		default Map<String, BasicItem> basicItems() {
			return null;
		}

		/** The published implementations of a basic item, in every region. */
		default List<ServiceItem> publishedImplementations(String basicCode) {
			return List.of();
		}

		/**
		 * The licence types items may issue; {@code null} where they are not known (a
		 * file checked on its own), and then not checked.
		 */
		default Map<String, LicenceType> licenceTypes() {
			return null;
		}

		/**
		 * The data elements and their fields; {@code null} where the data-sharing
		 * catalogue is not known (a file checked on its own), and then not checked.
		 */
		default RegistryFields registryFields() {
			return null;
		}

	}

	static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");

	static final Pattern BASIC_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,29}");

	static final Pattern BUNDLE_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

	static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");

	static final Pattern MATERIAL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	static final Pattern DATA_ELEMENT = Pattern.compile("[a-z][a-zA-Z]*(\\.[a-zA-Z]+)+");

	private CatalogueRules() {
	}

	/**
	 * Rules of instant approval that could never be evaluated are refused at load: each
	 * reads a registry field or a form field of the item, compares with a value of the
	 * right kind, and names whose data by an identifier field of the form.
	 */
	static void checkApprovalRules(ServiceItem item, String path, RegistryFields registries, YamlReader report) {
		checkRules(item, item.approvalRules(), path, registries, report);
	}

	static final Pattern CONDITION_CODE = Pattern.compile("[a-z][a-zA-Z0-9]{1,59}");

	/**
	 * Conditions of eligibility are rules of instant approval that a person reads: each
	 * has a stable code (its name), a plain sentence and a legal basis; the registries'
	 * elements and fields they name exist in the data-sharing catalogue, and their values
	 * parse.
	 */
	static void checkEligibility(ServiceItem item, String path, RegistryFields registries, YamlReader report) {
		checkRules(item, item.eligibility(), path, registries, report);
		for (int r = 0; r < item.eligibility().size(); r++) {
			ApprovalRule condition = item.eligibility().get(r);
			String at = path + "[" + r + "]";
			if (!CONDITION_CODE.matcher(condition.name()).matches()) {
				report.problem(at + ".name", "a condition's code is letters and digits, starting with a lower-case"
						+ " letter (the sentence says it in words): " + condition.name());
			}
			if (condition.sentence().isBlank()) {
				report.problem(at + ".sentence", "says the condition in a plain sentence");
			}
		}
	}

	private static void checkRules(ServiceItem item, List<ApprovalRule> rules, String path, RegistryFields registries,
			YamlReader report) {
		Set<String> names = new HashSet<>();
		for (int r = 0; r < rules.size(); r++) {
			ApprovalRule rule = rules.get(r);
			String at = path + "[" + r + "]";
			if (!names.add(rule.name())) {
				report.problem(at + ".name", "two rules are named " + rule.name());
			}
			if (rule.onData() == (rule.form() != null)) {
				report.problem(at, "a rule reads either a data element (element, field) or a form field (form)");
				continue;
			}
			if (rule.onData()) {
				if (!DATA_ELEMENT.matcher(rule.element()).matches()) {
					report.problem(at + ".element", "not a data element code: " + rule.element());
				}
				if (rule.field() == null && rule.check() != ApprovalRule.Check.PRESENT) {
					report.problem(at + ".field", "names the field of the element's record to check");
				}
				if (rule.of() != null && !identifierFields(item.form().fields()).contains(rule.of())) {
					report.problem(at + ".of",
							"names no resident ID or credit code field of the item's form: " + rule.of());
				}
				checkRegistryFields(rule, at, registries, report);
			}
			else if (item.form().field(rule.form()).isEmpty()) {
				report.problem(at + ".form", "the item's form has no field " + rule.form());
			}
			if (rule.match() != null && item.form().field(rule.match().form()).isEmpty()) {
				report.problem(at + ".match.form", "the item's form has no field " + rule.match().form());
			}
			if (rule.match() != null && !rule.onData()) {
				report.problem(at + ".match", "only the records of a data element are matched");
			}
			if (rule.check().needsValue() && rule.value() == null) {
				report.problem(at + ".value", "the check " + rule.check() + " compares with a value");
			}
			if (rule.check().numeric() && rule.value() != null && !rule.value().matches("-?\\d+(\\.\\d+)?")) {
				report.problem(at + ".value", "the check " + rule.check() + " compares with a number");
			}
			if (rule.check() == ApprovalRule.Check.ONE_OF && rule.values().isEmpty()) {
				report.problem(at + ".values", "the check ONE_OF lists the values that hold");
			}
			if (rule.check() == ApprovalRule.Check.AGE_BY_SEX_AT_LEAST && (rule.values().size() != 2
					|| !rule.values().stream().allMatch((value) -> value.matches("\\d{1,3}")))) {
				report.problem(at + ".values",
						"the check AGE_BY_SEX_AT_LEAST gives two ages in whole years:" + " a man's, then a woman's");
			}
			if (rule.check() == ApprovalRule.Check.AGE_BY_SEX_AT_LEAST && rule.onData() && rule.of() == null) {
				report.problem(at + ".of", "names the resident ID field whose holder's age and sex are read");
			}
			if (rule.check() == ApprovalRule.Check.IS_FILING_PARTNER && !rule.onData()
					&& !identifierFields(item.form().fields()).contains(rule.form())) {
				report.problem(at + ".form", "names no credit code field of the item's form: " + rule.form());
			}
			if (rule.check() == ApprovalRule.Check.IS_FILER && !rule.onData()
					&& !identifierFields(item.form().fields()).contains(rule.form())) {
				report.problem(at + ".form",
						"names no resident ID or credit code field of the item's form: " + rule.form());
			}
		}
	}

	/**
	 * The element, and the fields read of its records, exist in the data-sharing
	 * catalogue.
	 */
	private static void checkRegistryFields(ApprovalRule rule, String at, RegistryFields registries,
			YamlReader report) {
		if (registries == null || !DATA_ELEMENT.matcher(rule.element()).matches()) {
			return;
		}
		Optional<Set<String>> fields = registries.fieldsOf(rule.element());
		if (fields.isEmpty()) {
			report.problem(at + ".element", "no registry shares the data element " + rule.element());
			return;
		}
		if (rule.field() != null && !fields.get().contains(rule.field())) {
			report.problem(at + ".field", "the data element " + rule.element() + " has no field " + rule.field()
					+ "; it has " + fields.get());
		}
		if (rule.match() != null && !fields.get().contains(rule.match().field())) {
			report.problem(at + ".match.field", "the data element " + rule.element() + " has no field "
					+ rule.match().field() + "; it has " + fields.get());
		}
	}

	static void check(CatalogueDocument document, Context context, YamlReader report) {
		Set<String> regions = new HashSet<>();
		document.regions().stream().map(Region::code).forEach(regions::add);
		checkRegions(document.regions(), context, report);
		Map<String, BasicItem> basics = new HashMap<>();
		for (int i = 0; i < document.basicItems().size(); i++) {
			BasicItem basic = document.basicItems().get(i);
			if (basics.put(basic.code(), basic) != null) {
				report.problem("basicItems[" + i + "].code", "basic item " + basic.code() + " appears twice");
			}
		}
		Set<String> departments = new HashSet<>();
		for (int i = 0; i < document.departments().size(); i++) {
			Department department = document.departments().get(i);
			if (!departments.add(department.code())) {
				report.problem("departments[" + i + "].code", "department " + department.code() + " appears twice");
			}
			if (!regions.contains(department.regionCode()) && !context.regionExists(department.regionCode())) {
				report.problem("departments[" + i + "].region", "unknown region " + department.regionCode());
			}
		}
		Set<String> basicsChanged = basics.values()
			.stream()
			.filter((basic) -> context.basicItems() == null || !basic.equals(context.basicItems().get(basic.code())))
			.map(BasicItem::code)
			.collect(Collectors.toSet());
		Map<String, ServiceItem> items = new HashMap<>();
		List<Boolean> asPublished = new ArrayList<>();
		for (int i = 0; i < document.items().size(); i++) {
			ServiceItem item = document.items().get(i);
			String path = (document.items().size() == 1 && report.lineOf("item.code") > 0) ? "item"
					: "items[" + i + "]";
			if (items.put(item.code(), item) != null) {
				report.problem(path + ".code", "item " + item.code() + " appears twice");
			}
			asPublished.add(publishedAsIs(item, basicsChanged, context));
			if (!asPublished.get(i)) {
				checkItem(item, path, departments, regions, context, report);
			}
		}
		FileImplementations inFile = new FileImplementations(document.items());
		for (int i = 0; i < document.items().size(); i++) {
			ServiceItem item = document.items().get(i);
			String path = (document.items().size() == 1 && report.lineOf("item.code") > 0) ? "item"
					: "items[" + i + "]";
			if (!asPublished.get(i)) {
				checkImplementation(item, path, basics, inFile.beside(item, context), context, report);
			}
		}
		Set<String> bundleCodes = new HashSet<>();
		for (int i = 0; i < document.bundles().size(); i++) {
			Bundle bundle = document.bundles().get(i);
			if (!bundleCodes.add(bundle.code())) {
				report.problem("bundles[" + i + "].code", "bundle " + bundle.code() + " appears twice");
			}
			checkBundle(bundle, "bundles[" + i + "]", items, context, report);
		}
	}

	/**
	 * Five levels, each region one level below its parent and its division code
	 * continuing the parent's (GB/T 2260 for the upper three levels: a city keeps its
	 * province's first two digits, a county its city's first four; a township's nine
	 * digits begin with its county's code, a village's twelve with its township's).
	 */
	static void checkRegions(List<Region> regions, Context context, YamlReader report) {
		Map<String, Region> inFile = new HashMap<>();
		regions.forEach((region) -> inFile.put(region.code(), region));
		for (int i = 0; i < regions.size(); i++) {
			Region region = regions.get(i);
			String at = "regions[" + i + "]";
			if (!divisionCodeFitsItsLevel(region)) {
				report.problem(at + ".code",
						"a " + YamlReader.camel(region.level()) + "'s division code has "
								+ ((region.level() == RegionLevel.VILLAGE) ? 12
										: (region.level() == RegionLevel.TOWNSHIP) ? 9 : 6)
								+ " digits: " + region.code());
				continue;
			}
			if (region.parentCode() == null) {
				// the top of what this file describes; its parents may be kept elsewhere
				continue;
			}
			Optional<Region> parent = Optional.ofNullable(inFile.get(region.parentCode()))
				.or(() -> context.region(region.parentCode()));
			if (parent.isEmpty()) {
				report.problem(at + ".parent", "unknown region " + region.parentCode());
			}
			else if (parent.get().level().ordinal() != region.level().ordinal() - 1) {
				report.problem(at + ".level",
						"a " + YamlReader.camel(region.level()) + " belongs to a "
								+ YamlReader.camel(RegionLevel.values()[region.level().ordinal() - 1]) + ", not to a "
								+ YamlReader.camel(parent.get().level()) + " (" + parent.get().code() + ")");
			}
			else if (!region.code().startsWith(significantDigits(parent.get()))) {
				report.problem(at + ".code", "a division code continues its parent's: " + region.code()
						+ " does not begin with " + significantDigits(parent.get()));
			}
		}
	}

	static boolean divisionCodeFitsItsLevel(Region region) {
		int digits = switch (region.level()) {
			case VILLAGE -> 12;
			case TOWNSHIP -> 9;
			default -> 6;
		};
		return region.code().length() == digits;
	}

	private static String significantDigits(Region region) {
		return switch (region.level()) {
			case PROVINCE -> region.code().substring(0, 2);
			case CITY -> region.code().substring(0, 4);
			default -> region.code();
		};
	}

	/**
	 * Whether an item of a file is the one published under its code, unchanged, and so
	 * was checked when it was published: a file of two thousand implementations changing
	 * one is checked for that one (against all the others), not two thousand times over.
	 * An implementation whose basic item the file changes is checked again all the same.
	 */
	static boolean publishedAsIs(ServiceItem item, Set<String> basicsChanged, Context context) {
		return !(item.implementsBasicItem() && basicsChanged.contains(item.basicCode()))
				&& context.publishedItem(item.code()).filter(item::equals).isPresent();
	}

	/**
	 * The other implementations of an item's basic item it must agree with: those of the
	 * file, and the published ones the file does not replace.
	 */
	static List<ServiceItem> implementationsBeside(ServiceItem item, List<ServiceItem> documentItems, Context context) {
		return new FileImplementations(documentItems).beside(item, context);
	}

	/** A file's implementations by basic item, looked up once for all of its items. */
	private static final class FileImplementations {

		private final Set<String> codes;

		private final Map<String, List<ServiceItem>> byBasicItem;

		FileImplementations(List<ServiceItem> documentItems) {
			this.codes = documentItems.stream().map(ServiceItem::code).collect(Collectors.toSet());
			this.byBasicItem = documentItems.stream()
				.filter(ServiceItem::implementsBasicItem)
				.collect(Collectors.groupingBy(ServiceItem::basicCode));
		}

		List<ServiceItem> beside(ServiceItem item, Context context) {
			if (!item.implementsBasicItem()) {
				return List.of();
			}
			List<ServiceItem> others = new ArrayList<>();
			this.byBasicItem.getOrDefault(item.basicCode(), List.of())
				.stream()
				.filter((other) -> !other.code().equals(item.code()))
				.forEach(others::add);
			context.publishedImplementations(item.basicCode())
				.stream()
				.filter((other) -> !this.codes.contains(other.code()) && !other.code().equals(item.code()))
				.forEach(others::add);
			return others;
		}

	}

	/**
	 * An implementation (实施清单) keeps its basic item's name and legal basis, is coded by
	 * its region and the basic code, stays within the province's bounds, and agrees with
	 * every other region's implementation on what the province fixes (同一事项无差别).
	 */
	static void checkImplementation(ServiceItem item, String path, Map<String, BasicItem> documentBasics,
			List<ServiceItem> others, Context context, YamlReader report) {
		if (!item.implementsBasicItem()) {
			return;
		}
		Optional<BasicItem> found = Optional.ofNullable(documentBasics.get(item.basicCode()))
			.or(() -> Optional.ofNullable(context.basicItems()).map((known) -> known.get(item.basicCode())));
		if (found.isEmpty() && context.basicItems() == null) {
			return;
		}
		if (found.isEmpty()) {
			report.problem(path + ".basic", "unknown basic item " + item.basicCode());
			return;
		}
		BasicItem basic = found.get();
		if (!item.code().equals(item.regionCode() + "-" + basic.code())) {
			report.problem(path + ".code", "an implementation is coded by its region and its basic item: "
					+ item.regionCode() + "-" + basic.code());
		}
		if (!item.name().equals(basic.name())) {
			report.problem(path + ".name", "the province names the item " + basic.name());
		}
		if (!item.legalBasis().containsAll(basic.legalBasis())) {
			report.problem(path + ".legalBasis", "keeps the basic item's legal basis " + basic.legalBasis());
		}
		// beyond the statutory limit too, it is reported once, as that
		if (basic.maxCommitted() != null && item.committedLimit() > basic.maxCommitted()
				&& !committedLimitMustNotExceedStatutoryLimit(item)) {
			report.problem(path + ".limits.committed", "the province bounds the committed limit at "
					+ basic.maxCommitted() + " working days; this one is " + item.committedLimit());
		}
		for (int f = 0; f < item.fees().size(); f++) {
			if (basic.maxFee() != null && item.fees().get(f).amount().compareTo(basic.maxFee()) > 0) {
				report.problem(path + ".fees[" + f + "].amount",
						"the province bounds the fee at " + basic.maxFee().toPlainString() + " yuan; this one is "
								+ item.fees().get(f).amount().toPlainString());
			}
		}
		for (ImplementationField field : ImplementationField.values()) {
			if (!basic.fixes(field)) {
				continue;
			}
			others.stream()
				.filter((other) -> field.differs(item, other))
				.findFirst()
				.ifPresent((other) -> report.problem(path + "." + field.path(),
						field.key() + " differs from " + other.code() + " (region " + other.regionCode()
								+ "), and the province fixes it for " + basic.code() + " " + basic.name()));
		}
	}

	static void checkItem(ServiceItem item, String path, Set<String> departments, Set<String> regions, Context context,
			YamlReader report) {
		if (!ITEM_CODE.matcher(item.code()).matches()) {
			report.problem(path + ".code", "an item code is 3-40 letters, digits and '-'");
		}
		if (!departments.contains(item.departmentCode()) && !context.departmentExists(item.departmentCode())) {
			report.problem(path + ".department", "unknown department " + item.departmentCode());
		}
		if (!regions.contains(item.regionCode()) && !context.regionExists(item.regionCode())) {
			report.problem(path + ".region", "unknown region " + item.regionCode());
		}
		if (committedLimitMustNotExceedStatutoryLimit(item)) {
			report.problem(path + ".limits.committed", "the committed limit (" + item.committedLimit()
					+ ") exceeds the statutory limit (" + item.statutoryLimit() + ")");
		}
		if (onTheSpotItemsAreCommittedToZeroDays(item)) {
			report.problem(path + ".limits.committed", "an item handled on the spot is committed to 0 days");
		}
		if (zeroVisitItemsMustBeOnline(item)) {
			report.problem(path + ".visits", "an item needing no visit must be available online");
		}
		Set<String> materialCodes = new HashSet<>();
		for (int m = 0; m < item.materials().size(); m++) {
			Material material = item.materials().get(m);
			String at = path + ".materials[" + m + "]";
			if (!MATERIAL_CODE.matcher(material.code()).matches()) {
				report.problem(at + ".code", "a material code is lower-case letters, digits and '-'");
			}
			if (!materialCodes.add(material.code())) {
				report.problem(at + ".code", "material " + material.code() + " appears twice in the item");
			}
			checkMaterialSource(material, at, report);
			if (material.of() != null && !identifierFields(item.form().fields()).contains(material.of())) {
				report.problem(at + ".of",
						"names no resident ID or credit code field of the item's form: " + material.of());
			}
		}
		checkFields(item.form().fields(), path + ".form", report);
		checkParties(item.form().fields(), item.parties(), path, report);
		for (int p = 0; p < item.parties().size(); p++) {
			if (inPersonPartiesNeedAHall(item, item.parties().get(p))) {
				report.problem(path + ".parties[" + p + "].confirms",
						"a party confirms in person only where a hall handles the item");
			}
		}
		checkWorkflow(item, path + ".workflow", report);
		checkApprovalRules(item, path + ".approval", context.registryFields(), report);
		checkEligibility(item, path + ".eligibility", context.registryFields(), report);
		checkSameMatter(item, path + ".sameMatter", report);
		checkProperty(item, path + ".property", report);
		if (item.licenceType() != null && context.licenceTypes() != null) {
			checkLicence(item, context.licenceTypes().get(item.licenceType()), path + ".licence", report,
					context.registryFields());
		}
	}

	/**
	 * The fields naming a matter's object are fields of the item's form, each once: a
	 * misspelt one would let every second matter on the same object through.
	 */
	static void checkSameMatter(ServiceItem item, String path, YamlReader report) {
		Set<String> fields = new HashSet<>();
		item.form().fields().forEach((field) -> fields.add(field.name()));
		Set<String> named = new HashSet<>();
		for (int f = 0; f < item.sameMatter().size(); f++) {
			String field = item.sameMatter().get(f);
			if (!fields.contains(field)) {
				report.problem(path + "[" + f + "]", "the item's form has no field " + field);
			}
			else if (!named.add(field)) {
				report.problem(path + "[" + f + "]", "field " + field + " is named twice");
			}
		}
	}

	/**
	 * The property a matter is about is named by fields of the item's form: its
	 * certificate, and its owner by resident ID, whose ownership records say where it
	 * lies.
	 */
	static void checkProperty(ServiceItem item, String path, YamlReader report) {
		if (item.property() == null) {
			return;
		}
		Map<String, FormField> fields = new HashMap<>();
		item.form().fields().forEach((field) -> fields.put(field.name(), field));
		if (!fields.containsKey(item.property().certificate())) {
			report.problem(path + ".certificate", "the item's form has no field " + item.property().certificate());
		}
		FormField owner = fields.get(item.property().owner());
		if (owner == null) {
			report.problem(path + ".owner", "the item's form has no field " + item.property().owner());
		}
		else if (owner.type() != FieldType.RESIDENT_ID) {
			report.problem(path + ".owner", "names the owner by a resident ID field, not " + owner.name());
		}
	}

	/**
	 * An item issues a licence type that exists, and can fill every field the law
	 * requires of it from its form, the registries or its write-back's results (the legal
	 * number also from the type's sequence); a holder is a person or a business, and a
	 * registry source reads a field the element has, for a person or business the form
	 * names.
	 */
	static void checkLicence(ServiceItem item, LicenceType type, String at, YamlReader report,
			RegistryFields registryFields) {
		if (type == null) {
			report.problem(at, "unknown licence type " + item.licenceType());
			return;
		}
		for (LicenceType.Field field : type.fields()) {
			boolean numbered = type.number() != null && field.name().equals(type.number().field())
					&& type.number().sequence() != null;
			if (field.required() && !numbered && field.sourcesFor(item).isEmpty()) {
				report.problem(at,
						"licence type " + type.name() + " requires " + field.label() + " (" + field.name()
								+ "), which the item fills from none of " + field.from()
								+ " (its form, its writes' results or a registry read for a field of its form)");
			}
			for (LicenceType.Source source : field.sourcesFor(item)) {
				checkSourceKind(item, source, at, report, registryFields, false);
			}
		}
		for (LicenceType.Source source : type.holder().sourcesFor(item)) {
			checkSourceKind(item, source, at, report, registryFields, true);
		}
		if (type.holder().each() && type.holder().sourcesFor(item).size() < 2) {
			report.problem(at, "licence type " + type.name() + " is issued to each of " + type.holder().from()
					+ "; the item's form names fewer than two of them");
		}
	}

	private static void checkSourceKind(ServiceItem item, LicenceType.Source source, String at, YamlReader report,
			RegistryFields registryFields, boolean holder) {
		String subjectField = switch (source.origin()) {
			case FORM -> holder ? source.name() : null;
			case REGISTRY -> source.of();
			default -> null;
		};
		if (subjectField != null) {
			item.form()
				.field(subjectField)
				.filter((field) -> field.type() != FieldType.RESIDENT_ID && field.type() != FieldType.CREDIT_CODE)
				.ifPresent((field) -> report.problem(at,
						"the licence's " + (holder ? "holder" : source.toString())
								+ " needs a person or business, but field " + field.name()
								+ " is not a resident ID or credit code"));
		}
		if (source.origin() == LicenceType.Source.Origin.REGISTRY && registryFields != null
				&& !registryFields.fieldsOf(source.element()).map((f) -> f.contains(source.name())).orElse(false)) {
			report.problem(at, "no registry shares field " + source.name() + " of element " + source.element());
		}
	}

	static void checkLicenceTypes(List<LicenceType> types, YamlReader report) {
		Set<String> names = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < types.size(); i++) {
			LicenceType type = types.get(i);
			String at = "licenceTypes[" + i + "]";
			if (!names.add(type.name())) {
				report.problem(at + ".name", "licence type " + type.name() + " appears twice");
			}
			if (!codes.add(type.code()) || !MATERIAL_CODE.matcher(type.code()).matches()) {
				report.problem(at + ".code", "a licence type code is unique, lower-case letters, digits and '-'");
			}
			Set<String> fields = new HashSet<>();
			for (LicenceType.Field field : type.fields()) {
				if (!FIELD_NAME.matcher(field.name()).matches() || !fields.add(field.name())) {
					report.problem(at + ".fields", "field " + field.name() + " is not a unique field name");
				}
			}
			LicenceType.LegalNumber number = type.number();
			if (number == null) {
				report.problem(at, "a licence type has a legal number: number: {field: ...} or {sequence: ...}");
			}
			else {
				if (number.field() != null && type.field(number.field()).isEmpty()) {
					report.problem(at + ".number.field", "the type has no field " + number.field());
				}
				if (number.sequence() == null && number.field() == null) {
					report.problem(at + ".number", "name the field holding the legal number, a sequence, or both");
				}
				if (number.sequence() == null && number.field() != null
						&& type.field(number.field()).map((field) -> !field.required()).orElse(false)) {
					report.problem(at + ".number", "without a sequence, the field " + number.field()
							+ " holding the legal number must be required");
				}
				if (number.sequence() != null
						&& (!number.sequence().contains("{seq") || !number.sequence().contains("{year}"))) {
					report.problem(at + ".number.sequence",
							"a yearly sequence pattern contains {year} and {seq} (or {seq:N} for N digits)");
				}
			}
		}
	}

	/**
	 * A review must be able to finish: every step is reached from the first, every step
	 * leads to a decision, and someone can act at each step.
	 */
	static void checkWorkflow(ServiceItem item, String path, YamlReader report) {
		List<ReviewStep> steps = item.workflow().steps();
		Map<String, ReviewStep> byName = new HashMap<>();
		for (int s = 0; s < steps.size(); s++) {
			ReviewStep step = steps.get(s);
			String at = path + "[" + s + "]";
			if (!FIELD_NAME.matcher(step.name()).matches()) {
				report.problem(at + ".name", "a step name is letters and digits, starting with a letter");
			}
			if (byName.put(step.name(), step) != null) {
				report.problem(at + ".name", "step " + step.name() + " appears twice");
			}
			if (noClerkCanActWhereNoHallHandlesTheItem(item, step)) {
				report.problem(at + ".role", "no clerk can act: the item is not handled at a hall");
			}
		}
		for (int s = 0; s < steps.size(); s++) {
			for (String next : steps.get(s).next()) {
				if (!byName.containsKey(next)) {
					report.problem(path + "[" + s + "].next", "no step " + next);
				}
			}
		}
		Set<String> reachable = reachableFrom(Set.of(item.workflow().first().name()), byName, false);
		Set<String> finishing = reachableFrom(
				steps.stream().filter(ReviewStep::decides).map(ReviewStep::name).collect(Collectors.toSet()), byName,
				true);
		for (int s = 0; s < steps.size(); s++) {
			ReviewStep step = steps.get(s);
			for (int n = 0; n < step.notBy().size(); n++) {
				String earlier = step.notBy().get(n);
				String at = path + "[" + s + "].notBy[" + n + "]";
				if (!byName.containsKey(earlier)) {
					report.problem(at, "no step " + earlier);
				}
				else if (earlier.equals(step.name())
						|| !reachableFrom(Set.of(earlier), byName, false).contains(step.name())) {
					report.problem(at, "step " + earlier + " never comes before " + step.name());
				}
			}
		}
		for (int s = 0; s < steps.size(); s++) {
			String name = steps.get(s).name();
			if (!reachable.contains(name)) {
				report.problem(path + "[" + s + "]", "step " + name + " can never be reached from the first step");
			}
			else if (!finishing.contains(name)) {
				report.problem(path + "[" + s + "]", "step " + name + " can never lead to a decision");
			}
		}
	}

	static boolean noClerkCanActWhereNoHallHandlesTheItem(ServiceItem item, ReviewStep step) {
		return step.role() == ReviewStep.StepRole.CLERK && !item.channels().hall();
	}

	/**
	 * Steps reachable from the start steps, following successors (or predecessors when
	 * backwards).
	 */
	private static Set<String> reachableFrom(Set<String> start, Map<String, ReviewStep> steps, boolean backwards) {
		Set<String> seen = new HashSet<>(start);
		Deque<String> todo = new ArrayDeque<>(start);
		while (!todo.isEmpty()) {
			String current = todo.pop();
			List<String> neighbours = backwards ? steps.values()
				.stream()
				.filter((step) -> step.next().contains(current))
				.map(ReviewStep::name)
				.toList() : Optional.ofNullable(steps.get(current)).map(ReviewStep::next).orElse(List.of());
			for (String neighbour : neighbours) {
				if (seen.add(neighbour)) {
					todo.push(neighbour);
				}
			}
		}
		return seen;
	}

	static boolean committedLimitMustNotExceedStatutoryLimit(ServiceItem item) {
		return item.committedLimit() > item.statutoryLimit();
	}

	static boolean onTheSpotItemsAreCommittedToZeroDays(ServiceItem item) {
		return item.onTheSpot() && item.committedLimit() != 0;
	}

	static boolean zeroVisitItemsMustBeOnline(ServiceItem item) {
		return item.visits() == 0 && !item.channels().online();
	}

	/**
	 * Each source names where the material comes from, and nothing that belongs to
	 * another source.
	 */
	static void checkMaterialSource(Material material, String at, YamlReader report) {
		MaterialSource source = material.source();
		// a licence material may name the registry record that proves the same
		if (source != MaterialSource.LICENCE) {
			requireExactly(source == MaterialSource.SHARED_DATA, material.dataElement(), at + ".dataElement",
					"sharedData", report);
		}
		requireExactly(source == MaterialSource.LICENCE, material.licenceType(), at + ".licenceType", "licence",
				report);
		requireExactly(source == MaterialSource.WAIVED, material.waivedReason(), at + ".waivedReason", "waived",
				report);
		if (material.dataElement() != null && !DATA_ELEMENT.matcher(material.dataElement()).matches()) {
			report.problem(at + ".dataElement", "a data element is registry.element, such as population.household");
		}
		if (material.of() != null && material.source() != MaterialSource.SHARED_DATA
				&& material.source() != MaterialSource.LICENCE) {
			report.problem(at + ".of", "only shared data and licences belong to someone other than the applicant");
		}
	}

	private static void requireExactly(boolean needed, String value, String path, String source, YamlReader report) {
		if (needed && value == null) {
			report.problem(path, "required for a material of source " + source);
		}
		if (!needed && value != null) {
			report.problem(path, "only a material of source " + source + " has this");
		}
	}

	static void checkFields(List<? extends Object> fields, String path, YamlReader report) {
		Set<String> names = new HashSet<>();
		for (int f = 0; f < fields.size(); f++) {
			String at = path + "[" + f + "]";
			FormField field = asField(fields.get(f));
			if (!FIELD_NAME.matcher(field.name()).matches()) {
				report.problem(at + ".name", "a field name is letters and digits, starting with a letter");
			}
			if (!names.add(field.name())) {
				report.problem(at + ".name", "field " + field.name() + " appears twice");
			}
			if (field.prefill() != null) {
				if (!DATA_ELEMENT.matcher(field.prefill().element()).matches()) {
					report.problem(at + ".prefill.element",
							"a data element is registry.element, such as population.identity");
				}
				if (field.prefill().of() != null && !identifierFields(fields).contains(field.prefill().of())) {
					report.problem(at + ".prefill.of",
							"names no resident ID or credit code field of this form: " + field.prefill().of());
				}
			}
			if (field.type() == FieldType.ENUM && field.options().isEmpty()) {
				report.problem(at + ".options", "an enum field lists its options");
			}
			if (field.type() != FieldType.ENUM && !field.options().isEmpty()) {
				report.problem(at + ".options", "only an enum field has options");
			}
			if (field.pattern() != null) {
				if (field.type() != FieldType.STRING) {
					report.problem(at + ".pattern", "only a string field has a pattern");
				}
				try {
					Pattern.compile(field.pattern());
				}
				catch (PatternSyntaxException ex) {
					report.problem(at + ".pattern", "not a regular expression: " + ex.getDescription());
				}
			}
		}
	}

	static void checkBundle(Bundle bundle, String path, Map<String, ServiceItem> documentItems, Context context,
			YamlReader report) {
		if (!BUNDLE_CODE.matcher(bundle.code()).matches()) {
			report.problem(path + ".code", "a bundle code is lower-case letters, digits and '-'");
		}
		if (bundle.itemCodes().size() < 2) {
			report.problem(path + ".items", "a bundle combines at least two items");
		}
		Map<String, ServiceItem> items = new HashMap<>();
		for (int i = 0; i < bundle.itemCodes().size(); i++) {
			String code = bundle.itemCodes().get(i);
			Optional<ServiceItem> item = Optional.ofNullable(documentItems.get(code))
				.or(() -> context.publishedItem(code));
			if (item.isEmpty()) {
				report.problem(path + ".items[" + i + "]", "unknown item " + code);
			}
			else if (items.put(code, item.get()) != null) {
				report.problem(path + ".items[" + i + "]", "item " + code + " appears twice");
			}
		}
		checkFields(bundle.fields(), path + ".form", report);
		checkParties(bundle.fields(), bundle.parties(), path, report);
		Map<String, Set<String>> covered = new HashMap<>();
		for (int f = 0; f < bundle.fields().size(); f++) {
			BundleField field = bundle.fields().get(f);
			if (field.itemFields().isEmpty()) {
				report.problem(path + ".form[" + f + "].maps", "field " + field.name() + " fills no item's field");
			}
			for (Map.Entry<String, String> target : field.itemFields().entrySet()) {
				String at = path + ".form[" + f + "].maps." + target.getKey();
				ServiceItem item = items.get(target.getKey());
				if (item == null) {
					report.problem(at, "maps to " + target.getKey() + ", which is not one of the bundle's items");
					continue;
				}
				Optional<FormField> itemField = item.form().field(target.getValue());
				if (itemField.isEmpty()) {
					report.problem(at, "item " + item.code() + " has no field " + target.getValue());
					continue;
				}
				if (itemField.get().type() != field.type()) {
					report.problem(at, "field " + target.getValue() + " of " + item.code() + " is "
							+ YamlReader.camel(itemField.get().type()) + ", not " + YamlReader.camel(field.type()));
				}
				if (itemField.get().required() && !field.required()) {
					report.problem(path + ".form[" + f + "].required",
							"must be required: " + item.code() + " requires " + target.getValue());
				}
				covered.computeIfAbsent(item.code(), (code) -> new HashSet<>()).add(target.getValue());
			}
		}
		everyRequiredItemFieldIsAskedByTheBundle(bundle, path, items, covered, report);
		sharedMaterialsAgree(bundle, path, items, report);
		checkNeeds(bundle, path + ".needs", items, documentItems, context, report);
	}

	/**
	 * An item waits only for the result of another item of the same bundle that issues a
	 * licence and carries no fee (its result is produced before the matter's payment
	 * gate, which a fee would bypass), and no item waits, however indirectly, for itself.
	 */
	static void checkNeeds(Bundle bundle, String path, Map<String, ServiceItem> items,
			Map<String, ServiceItem> documentItems, Context context, YamlReader report) {
		for (Map.Entry<String, List<String>> entry : bundle.needs().entrySet()) {
			String at = path + "." + entry.getKey();
			notAnItemOfTheBundle(entry.getKey(), items, documentItems, context)
				.ifPresent((problem) -> report.problem(at, problem));
			if (entry.getValue().isEmpty()) {
				report.problem(at, "names the items whose results " + entry.getKey() + " waits for");
			}
			Set<String> named = new HashSet<>();
			for (int n = 0; n < entry.getValue().size(); n++) {
				String needed = entry.getValue().get(n);
				String neededAt = at + "[" + n + "]";
				if (!named.add(needed)) {
					report.problem(neededAt, "item " + needed + " is named twice");
					continue;
				}
				Optional<String> problem = notAnItemOfTheBundle(needed, items, documentItems, context);
				if (problem.isPresent()) {
					report.problem(neededAt, problem.get());
					continue;
				}
				ServiceItem item = items.get(needed);
				if (item.licenceType() == null) {
					report.problem(neededAt,
							"item " + needed + " issues no licence for " + entry.getKey() + " to wait for");
				}
				if (neededItemsMustBeFree(item)) {
					report.problem(neededAt, "item " + needed + " carries a fee, but its result is produced before the"
							+ " matter is paid: an item another needs must be free");
				}
			}
		}
		findCycle(bundle.needs()).ifPresent((cycle) -> report.problem(path + "." + cycle.get(0),
				"items wait for each other's results and would never open: " + String.join(" -> ", cycle)));
	}

	/**
	 * The result of a needed item is issued as soon as its task is approved, before the
	 * matter's fees are paid: a fee on it would be bypassed.
	 */
	static boolean neededItemsMustBeFree(ServiceItem item) {
		return !item.free();
	}

	private static Optional<String> notAnItemOfTheBundle(String code, Map<String, ServiceItem> items,
			Map<String, ServiceItem> documentItems, Context context) {
		if (items.containsKey(code)) {
			return Optional.empty();
		}
		boolean known = documentItems.containsKey(code) || context.publishedItem(code).isPresent();
		return Optional.of(known ? "item " + code + " is not one of the bundle's items" : "unknown item " + code);
	}

	/**
	 * A chain of items waiting for each other that returns to its start, if there is one.
	 */
	static Optional<List<String>> findCycle(Map<String, List<String>> needs) {
		Set<String> done = new HashSet<>();
		for (String start : needs.keySet()) {
			List<String> path = new ArrayList<>();
			Optional<List<String>> cycle = cycleFrom(start, needs, path, done);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		return Optional.empty();
	}

	private static Optional<List<String>> cycleFrom(String item, Map<String, List<String>> needs, List<String> path,
			Set<String> done) {
		int earlier = path.indexOf(item);
		if (earlier >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(earlier, path.size()));
			cycle.add(item);
			return Optional.of(cycle);
		}
		if (done.contains(item)) {
			return Optional.empty();
		}
		path.add(item);
		for (String needed : needs.getOrDefault(item, List.of())) {
			Optional<List<String>> cycle = cycleFrom(needed, needs, path, done);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		done.add(item);
		return Optional.empty();
	}

	/**
	 * One form must serve every item: a required field no bundle field fills would stop
	 * an item.
	 */
	static void everyRequiredItemFieldIsAskedByTheBundle(Bundle bundle, String path, Map<String, ServiceItem> items,
			Map<String, Set<String>> covered, YamlReader report) {
		for (ServiceItem item : items.values()) {
			for (FormField field : item.form().fields()) {
				if (field.required() && !covered.getOrDefault(item.code(), Set.of()).contains(field.name())) {
					report.problem(path + ".form",
							"no bundle field fills the required field " + field.name() + " of " + item.code());
				}
			}
		}
	}

	/**
	 * A material asked once for several items must mean the same thing to each of them.
	 */
	static void sharedMaterialsAgree(Bundle bundle, String path, Map<String, ServiceItem> items, YamlReader report) {
		Map<String, Material> seen = new HashMap<>();
		for (String code : bundle.itemCodes()) {
			ServiceItem item = items.get(code);
			if (item == null) {
				continue;
			}
			for (Material material : item.materials()) {
				if (material.source() == MaterialSource.WAIVED) {
					continue;
				}
				Material earlier = seen.putIfAbsent(material.code(), material);
				if (earlier != null && earlier.source() != material.source()) {
					report.problem(path + ".items", "material " + material.code() + " is " + earlier.source()
							+ " in one item and " + material.source() + " in " + code);
				}
			}
		}
	}

	static boolean inPersonPartiesNeedAHall(ServiceItem item, Party party) {
		return party.confirmation() == Party.Confirmation.IN_PERSON && !item.channels().hall();
	}

	/**
	 * A form that names a person or a business says who they are to the matter: every
	 * resident ID or credit code field is a declared party's, and each declaration names
	 * fields the form has.
	 */
	static void checkParties(List<? extends Object> fields, List<Party> parties, String path, YamlReader report) {
		Set<String> identifiers = identifierFields(fields);
		Set<String> declared = new HashSet<>();
		Set<String> named = new HashSet<>();
		for (int p = 0; p < parties.size(); p++) {
			Party party = parties.get(p);
			String at = path + ".parties[" + p + "]";
			if (party.field() == null && party.from() != Party.Source.FILER) {
				report.problem(at + ".field", "names the form field holding the party's resident ID or credit code");
			}
			else if (party.field() != null && !identifiers.contains(party.field())) {
				report.problem(at + ".field",
						"names no resident ID or credit code field of the form: " + party.field());
			}
			else if (party.field() != null && party.from() != Party.Source.REGISTERED_OWNERS
					&& !named.add(party.field())) {
				report.problem(at + ".field", "two parties are named by the field " + party.field());
			}
			if (party.field() != null) {
				declared.add(party.field());
			}
			boolean owners = party.from() == Party.Source.REGISTERED_OWNERS;
			if (owners && party.property() == null) {
				report.problem(at + ".property", "names the form field holding the property's certificate number");
			}
			else if (!owners && party.property() != null) {
				report.problem(at + ".property", "only registered owners are found by a property");
			}
			else if (owners && fields.stream()
				.map(CatalogueRules::asField)
				.noneMatch((f) -> f.name().equals(party.property()))) {
				report.problem(at + ".property", "the form has no field " + party.property());
			}
		}
		for (int f = 0; f < fields.size(); f++) {
			FormField field = asField(fields.get(f));
			if (identifiers.contains(field.name()) && !declared.contains(field.name())) {
				report.problem(path + ".form[" + f + "]",
						"field " + field.name()
								+ " names a person or a business, but no party declares it (parties: field: "
								+ field.name() + ")");
			}
		}
	}

	/** The names of the fields that hold whose data a record is. */
	static Set<String> identifierFields(List<? extends Object> fields) {
		Set<String> names = new HashSet<>();
		for (Object each : fields) {
			FormField field = asField(each);
			if (field.type() == FieldType.RESIDENT_ID || field.type() == FieldType.CREDIT_CODE) {
				names.add(field.name());
			}
		}
		return names;
	}

	private static FormField asField(Object field) {
		if (field instanceof BundleField bundleField) {
			return bundleField.asField();
		}
		return (FormField) field;
	}

}
