package org.onevisit.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 16: migrations expand and contract, so that nodes of version N and N+1 run side by
 * side on one database during a rolling upgrade. What a test can see is checked here on
 * every migration from {@link #SINCE} on; earlier ones were written for a single node.
 */
class MigrationRulesTests {

	/** The first migration the rules apply to. */
	static final long SINCE = 202612080500L;

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path NEXT_VERSION = Path.of("src/test/resources/org/onevisit/faults/next-version");

	private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

	private static final Pattern RENAME = Pattern
		.compile("\\brename\\s+column\\b|\\balter\\s+table\\s+[^;]*?\\brename\\s+to\\b");

	private static final Pattern CONTRACTION = Pattern.compile("\\bdrop\\s+column\\b|\\bdrop\\s+table\\b"
			+ "|\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b|\\bset\\s+not\\s+null\\b|\\bvalidate\\s+constraint\\b");

	private static final Pattern DROPPED_COLUMN = Pattern
		.compile("\\bdrop\\s+column\\s+(?:if\\s+exists\\s+)?\"?([a-z_][a-z0-9_]*)\"?");

	private static final Pattern ADDED_COLUMN = Pattern.compile("\\badd\\s+column\\b([^,;]*)");

	private static final Pattern CONTRACTS = Pattern.compile("^--\\s*contracts\\s+V(\\d+)\\b");

	@Test
	void everyMigrationSinceTheRulesExpandsOrContractsAsTheAdrSays() throws IOException {
		Map<Long, Path> migrations = migrations();
		String code = code();
		List<String> problems = new ArrayList<>();
		for (Map.Entry<Long, Path> migration : migrations.entrySet()) {
			if (migration.getKey() >= SINCE) {
				problems.addAll(problems(migration.getValue().getFileName().toString(),
						Files.readString(migration.getValue(), StandardCharsets.UTF_8), migrations.keySet(), code));
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Version N+1 of the rolling upgrade's fault test: its migrations, numbered after
	 * OneVisit's last at each run, must be an expansion the nodes of N survive.
	 */
	@Test
	void theRollingUpgradeDrillsNextVersionOnlyExpands() throws IOException {
		Map<Long, Path> migrations = migrations();
		long last = Collections.max(migrations.keySet());
		List<String> problems = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> listed = Files.list(NEXT_VERSION)) {
			files = listed.sorted().toList();
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			long version = last + Long.parseLong(name.substring(0, name.indexOf("__")));
			problems.addAll(problems("V" + version + name.substring(name.indexOf("__")),
					Files.readString(file, StandardCharsets.UTF_8), migrations.keySet(), code()));
		}
		assertThat(files).isNotEmpty();
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					refuses a rename                                               | V202612090000__x_names.sql | alter table x_person rename column name to full_name; | rename
					refuses a rename                                               | V202612090000__x_names.sql | ALTER TABLE x_person RENAME TO x_people;               | rename
					refuses a drop or a type change outside a contract migration  | V202612090000__x_tidy.sql  | alter table x_person drop column nickname;            | contract migration
					refuses a drop or a type change outside a contract migration  | V202612090000__x_tidy.sql  | alter table x_person alter column age type bigint;    | contract migration
					refuses a not-null column without a default                    | V202612090000__x_more.sql  | alter table x_person add column level int not null;   | DEFAULT
					""")
	void refusesAStatementThatBreaksTheNodesOfThePreviousVersionSayingWhy(String rule, String file, String sql,
			String why) {
		assertThat(problems(file, sql, List.of(), "")).singleElement().asString().contains(why);
	}

	@Test
	void aContractMigrationNamesAnOlderExpandAndDropsOnlyWhatTheCodeNoLongerNames() {
		String contract = "-- contracts V202612090000\nalter table x_person drop column nickname;";

		assertThat(problems("V202612100000__x_contract_nickname.sql", contract, List.of(202612090000L),
				"select name from x_person"))
			.isEmpty();
		assertThat(problems("V202612100000__x_contract_nickname.sql", contract, List.of(202612090000L),
				"select nickname from x_person"))
			.singleElement()
			.asString()
			.contains("nickname");
		assertThat(problems("V202612100000__x_contract_nickname.sql", contract, List.of(202612110000L), ""))
			.singleElement()
			.asString()
			.contains("older");
		assertThat(problems("V202612100000__x_contract_nickname.sql", "alter table x_person drop column nickname;",
				List.of(202612090000L), ""))
			.singleElement()
			.asString()
			.contains("-- contracts V");
	}

	@Test
	void acceptsAnExpansion() {
		assertThat(problems("V202612090000__x_more.sql", """
				alter table x_person add column level int not null default 0, add column note text;
				create table x_visit (id uuid primary key, person uuid not null);
				create index x_visit_person on x_visit (person);
				""", List.of(), "")).isEmpty();
	}

	/** What breaks a node of the previous version, or a rollback to it. */
	static List<String> problems(String file, String sql, java.util.Collection<Long> versions, String code) {
		List<String> problems = new ArrayList<>();
		String statements = withoutComments(sql).toLowerCase(Locale.ROOT);
		if (RENAME.matcher(statements).find()) {
			problems.add(file + ": a rename breaks the nodes still running; add, copy, and drop later (ADR 16)");
		}
		if (CONTRACTION.matcher(statements).find()) {
			Matcher contracts = CONTRACTS.matcher(sql.strip());
			Matcher version = NAME.matcher(file);
			long own = version.matches() ? Long.parseLong(version.group(1)) : Long.MAX_VALUE;
			if (!file.contains("contract")) {
				problems.add(file + ": drops, type changes and NOT NULL belong in a contract migration (ADR 16)");
			}
			else if (!contracts.find()) {
				problems.add(file + ": a contract migration starts with -- contracts V<the expand migration>");
			}
			else {
				long expand = Long.parseLong(contracts.group(1));
				if (!versions.contains(expand) || expand >= own) {
					problems.add(file + ": contracts V" + expand + ", which is no older migration");
				}
				Matcher dropped = DROPPED_COLUMN.matcher(statements);
				while (dropped.find()) {
					if (Pattern.compile("\\b" + dropped.group(1) + "\\b").matcher(code).find()) {
						problems.add(file + ": drops " + dropped.group(1) + ", which the code still names");
					}
				}
			}
		}
		Matcher added = ADDED_COLUMN.matcher(statements);
		while (added.find()) {
			String column = added.group(1);
			if (column.matches("(?s).*\\bnot\\s+null\\b.*") && !column.matches("(?s).*\\bdefault\\b.*")) {
				problems.add(file + ": a NOT NULL column needs a DEFAULT, or the running nodes' inserts fail:"
						+ column.strip());
			}
		}
		return problems;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
	}

	private static Map<Long, Path> migrations() throws IOException {
		Map<Long, Path> migrations = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher name = NAME.matcher(file.getFileName().toString());
				if (name.matches()) {
					migrations.put(Long.parseLong(name.group(1)), file);
				}
			}
		}
		return migrations;
	}

	/** What the running code names: its Java sources and templates. */
	private static String code() throws IOException {
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
				Files.walk(Path.of("src/main/resources/templates")))) {
			return files.filter(Files::isRegularFile).map((file) -> {
				try {
					return Files.readString(file, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).collect(Collectors.joining("\n"));
		}
	}

}
