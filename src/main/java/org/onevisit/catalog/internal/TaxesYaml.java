package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.TaxSchedule;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Reads the tax schedule ({@code catalog/taxes.yaml}) and checks it at load, every
 * problem with its line: rates between 0 and 1, a legal basis and a first day for every
 * rule, known conditions only, and a last rule without conditions, so that every case is
 * assessed.
 */
@Configuration(proxyBeanMethods = false)
class TaxesYaml {

	private static final Set<String> CONDITIONS = Set.of("buyerFamilyHomes", "buyerFamilyHomesAtLeast", "areaAtMost",
			"areaAbove", "heldYearsAtLeast", "heldYearsBelow", "sellerFamilyOnlyHome");

	@Bean
	TaxSchedule taxSchedule(@Value("${onevisit.catalogue.taxes:classpath:catalog/taxes.yaml}") Resource file)
			throws IOException {
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			return read(file.getFilename(), reader);
		}
	}

	/** The schedule in the file; {@link CatalogueInvalid} with every problem found. */
	static TaxSchedule read(String file, Reader reader) {
		YamlReader yaml = new YamlReader(file);
		Node root = yaml.parse(reader);
		TaxSchedule schedule = null;
		if (root != null) {
			MappingNode top = yaml.mapping(root, "(file)");
			if (top != null) {
				yaml.onlyKeys(top, "(file)", Set.of("taxes"));
				schedule = new TaxSchedule(yaml.mappings(top, "taxes", "(file)", (node, at) -> tax(yaml, node, at)));
				check(schedule, yaml);
			}
		}
		if (!yaml.problems().isEmpty() || schedule == null) {
			throw new CatalogueInvalid(yaml.problems());
		}
		return schedule;
	}

	private static TaxSchedule.Tax tax(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, Set.of("code", "name", "assessedBy", "base", "rules"));
		String code = yaml.text(node, "code", path, true);
		String name = yaml.text(node, "name", path, true);
		String assessedBy = yaml.text(node, "assessedBy", path, true);
		TaxSchedule.Base base = yaml.enumeration(node, "base", path, TaxSchedule.Base.class, null, true);
		List<TaxSchedule.Rule> rules = yaml.mappings(node, "rules", path, (rule, at) -> rule(yaml, rule, at));
		if (rules.isEmpty()) {
			yaml.problem(path + ".rules", "a tax has at least one rule");
		}
		else if (!rules.get(rules.size() - 1).when().always()) {
			yaml.problem(path + ".rules[" + (rules.size() - 1) + "]",
					"the last rule of a tax has no conditions, so that every case is assessed");
		}
		return (code != null && name != null && assessedBy != null && base != null)
				? new TaxSchedule.Tax(code, name, assessedBy, base, rules) : null;
	}

	private static TaxSchedule.Rule rule(YamlReader yaml, MappingNode node, String path) {
		yaml.onlyKeys(node, path, Set.of("when", "rate", "description", "basis", "from", "until"));
		Map<String, String> when = yaml.textMap(node, "when", path);
		for (String condition : when.keySet()) {
			if (!CONDITIONS.contains(condition)) {
				yaml.problem(path + ".when." + condition,
						"unknown condition '" + condition + "', expected one of " + new TreeSet<>(CONDITIONS));
			}
		}
		TaxSchedule.Conditions conditions = new TaxSchedule.Conditions(count(yaml, when, "buyerFamilyHomes", path),
				count(yaml, when, "buyerFamilyHomesAtLeast", path),
				decimal(yaml, when.get("areaAtMost"), path + ".when.areaAtMost"),
				decimal(yaml, when.get("areaAbove"), path + ".when.areaAbove"),
				count(yaml, when, "heldYearsAtLeast", path), count(yaml, when, "heldYearsBelow", path),
				flag(yaml, when, "sellerFamilyOnlyHome", path));
		BigDecimal rate = decimal(yaml, yaml.text(node, "rate", path, true), path + ".rate");
		if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0)) {
			yaml.problem(path + ".rate", "a rate is a fraction from 0 (exempt) to below 1, such as 0.015");
		}
		String description = yaml.text(node, "description", path, true);
		String basis = yaml.text(node, "basis", path, true);
		LocalDate from = day(yaml, yaml.text(node, "from", path, true), path + ".from");
		LocalDate until = day(yaml, yaml.text(node, "until", path, false), path + ".until");
		if (from != null && until != null && until.isBefore(from)) {
			yaml.problem(path + ".until", "a rule ends on or after the day it starts");
		}
		return (rate != null && description != null && basis != null && from != null)
				? new TaxSchedule.Rule(conditions, rate, description, basis, from, until) : null;
	}

	private static void check(TaxSchedule schedule, YamlReader yaml) {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < schedule.taxes().size(); i++) {
			if (!codes.add(schedule.taxes().get(i).code())) {
				yaml.problem("taxes[" + i + "].code", "two taxes share the code " + schedule.taxes().get(i).code());
			}
		}
	}

	private static Integer count(YamlReader yaml, Map<String, String> when, String key, String path) {
		String value = when.get(key);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		yaml.problem(path + ".when." + key, "expected a whole number of 0 or more, got '" + value + "'");
		return null;
	}

	private static Boolean flag(YamlReader yaml, Map<String, String> when, String key, String path) {
		String value = when.get(key);
		if (value == null) {
			return null;
		}
		if (value.equals("true") || value.equals("false")) {
			return Boolean.valueOf(value);
		}
		yaml.problem(path + ".when." + key, "expected true or false, got '" + value + "'");
		return null;
	}

	private static BigDecimal decimal(YamlReader yaml, String value, String path) {
		return parsed(yaml, value, path, (text) -> new BigDecimal(text), "a number");
	}

	private static LocalDate day(YamlReader yaml, String value, String path) {
		return parsed(yaml, value, path, LocalDate::parse, "a day such as 2024-12-01");
	}

	/**
	 * The value as the parser reads it; one it cannot read is reported as not the
	 * expected kind.
	 */
	private static <T> T parsed(YamlReader yaml, String value, String path, Function<String, T> parser,
			String expected) {
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			yaml.problem(path, "expected " + expected + ", got '" + value + "'");
			return null;
		}
	}

}
