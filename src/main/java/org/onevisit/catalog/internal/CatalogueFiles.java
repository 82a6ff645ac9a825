package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue in and out as files: the whole catalogue in its YAML format, and the
 * basic attributes of published items as CSV (see docs/catalogue-format.md). Imports are
 * all or nothing and publish only what changed.
 */
@Component
class CatalogueFiles {

	static final List<String> CSV_COLUMNS = List.of("code", "name", "department", "statutoryLimit", "committedLimit",
			"channels", "visits", "onTheSpot", "citywide", "materialsBefore");

	private static final Logger log = LoggerFactory.getLogger(CatalogueFiles.class);

	private final CatalogueStore store;

	private final PublishedCatalogue catalogue;

	private final JdbcDirectory directory;

	private final Clock clock;

	CatalogueFiles(CatalogueStore store, PublishedCatalogue catalogue, JdbcDirectory directory, Clock clock) {
		this.store = store;
		this.catalogue = catalogue;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional
	public ImportReport importCatalogue(String fileName, Reader yaml, String by) {
		CatalogueDocument document = CatalogueYaml.read(fileName, yaml, this.catalogue.rulesContext());
		Instant now = this.clock.instant();
		document.regions()
			.stream()
			.sorted(Comparator.comparing((Region region) -> region.level().ordinal()))
			.forEach(this.directory::register);
		document.departments().forEach(this.directory::register);
		document.basicItems().forEach(this.directory::register);
		int itemsPublished = 0;
		for (ServiceItem item : document.items()) {
			if (!alreadyPublished(this.store.items(), item.code(), item)) {
				publishImported(this.store.items(), "item", item.code(), item, by, now, fileName);
				itemsPublished++;
			}
		}
		int bundlesPublished = 0;
		for (Bundle bundle : document.bundles()) {
			if (!alreadyPublished(this.store.bundles(), bundle.code(), bundle)) {
				publishImported(this.store.bundles(), "bundle", bundle.code(), bundle, by, now, fileName);
				bundlesPublished++;
			}
		}
		ImportReport report = new ImportReport(document.regions().size(), document.departments().size(),
				document.basicItems().size(), itemsPublished, document.items().size() - itemsPublished,
				bundlesPublished, document.bundles().size() - bundlesPublished);
		this.store.audit(by, "IMPORT", "catalogue:" + fileName, null, report.toString());
		if (itemsPublished + bundlesPublished > 0) {
			this.catalogue.revised();
		}
		log.info("Imported catalogue {}: {}", fileName, report);
		return report;
	}

	public String exportCatalogue() {
		return CatalogueYaml.write(new CatalogueDocument(this.directory.regions(), this.directory.departments(),
				this.directory.basicItems(),
				this.store.items().allPublished().stream().map(Versioned::content).toList(),
				this.store.bundles().allPublished().stream().map(Versioned::content).toList()));
	}

	public String exportItemsCsv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
			for (Versioned<ServiceItem> version : this.store.items().allPublished()) {
				ServiceItem item = version.content();
				printer.printRecord(item.code(), item.name(), item.departmentCode(), item.statutoryLimit(),
						item.committedLimit(), YamlReader.camel(item.channels()), item.visits(), item.onTheSpot(),
						item.citywide(), item.materialsBefore());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	@Transactional
	public ImportReport importItemsCsv(String fileName, Reader csv, String by) {
		YamlReader report = new YamlReader(fileName);
		List<ServiceItem> changed = new ArrayList<>();
		int unchanged = 0;
		CatalogueRules.Context context = this.catalogue.rulesContext();
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
			List<String> missing = CSV_COLUMNS.stream()
				.filter((column) -> !parser.getHeaderMap().containsKey(column))
				.toList();
			if (!missing.isEmpty()) {
				throw new CatalogueInvalid(
						List.of(new CatalogueProblem(fileName, 1, "(header)", "missing columns " + missing)));
			}
			for (CSVRecord record : parser) {
				int line = (int) record.getRecordNumber() + 1;
				String path = "line " + line;
				report.rememberLine(path, line);

				Optional<ServiceItem> updated = csvItem(record, path, report, context);
				if (updated.isEmpty()) {
					continue;
				}
				CatalogueRules.checkItem(updated.get(), path, Set.of(), Set.of(), context, report);
				CatalogueRules.checkImplementation(updated.get(), path, Map.of(),
						CatalogueRules.implementationsBeside(updated.get(), List.of(updated.get()), context), context,
						report);
				if (updated.get()
					.equals(this.store.items().published(updated.get().code()).map(Versioned::content).orElse(null))) {
					unchanged++;
				}
				else {
					changed.add(updated.get());
				}
			}
		}
		catch (IOException | IllegalStateException | IllegalArgumentException ex) {
			throw new CatalogueInvalid(
					List.of(new CatalogueProblem(fileName, 0, "(file)", "not valid CSV: " + ex.getMessage())));
		}
		if (!report.problems().isEmpty()) {
			throw new CatalogueInvalid(report.problems());
		}
		Instant now = this.clock.instant();
		for (ServiceItem item : changed) {
			publishImported(this.store.items(), "item", item.code(), item, by, now, fileName);
		}
		this.store.audit(by, "IMPORT_CSV", "catalogue:" + fileName, null,
				changed.size() + " changed, " + unchanged + " unchanged");
		if (!changed.isEmpty()) {
			this.catalogue.revised();
		}
		return new ImportReport(0, 0, 0, changed.size(), unchanged, 0, 0);
	}

	private static <T> boolean alreadyPublished(VersionedStore<T> versions, String code, T entry) {
		Optional<Versioned<T>> published = versions.published(code);
		return published.isPresent() && published.get().content().equals(entry);
	}

	/**
	 * Saves an imported entry as a draft and publishes it at once, audited as imported.
	 */
	private <T> void publishImported(VersionedStore<T> versions, String kind, String code, T entry, String by,
			Instant now, String fileName) {
		versions.saveDraft(entry, by, now);
		Versioned<T> version = versions.publishDraft(code, now);
		this.store.audit(by, "IMPORT_PUBLISH", kind + ":" + code, version.version(), fileName);
	}

	private Optional<ServiceItem> csvItem(CSVRecord record, String path, YamlReader report,
			CatalogueRules.Context context) {
		if (!record.isConsistent()) {
			report.problem(path + ".(record)", "expected " + CSV_COLUMNS.size() + " columns, found " + record.size());
			return Optional.empty();
		}
		String code = record.get("code").strip();
		Optional<ServiceItem> existing = context.publishedItem(code);
		if (existing.isEmpty()) {
			report.problem(path + ".code", "no published item " + code + "; add new items with a YAML import");
			return Optional.empty();
		}
		ServiceItem item = existing.get();
		String name = record.get("name").strip();
		if (name.isEmpty()) {
			report.problem(path + ".name", "must not be empty");
		}
		int statutory = csvInt(record, "statutoryLimit", path, report);
		int committed = csvInt(record, "committedLimit", path, report);
		int visits = csvInt(record, "visits", path, report);
		int before = csvInt(record, "materialsBefore", path, report);
		Channel channels = null;
		for (Channel channel : Channel.values()) {
			if (YamlReader.camel(channel).equals(record.get("channels").strip())) {
				channels = channel;
			}
		}
		if (channels == null) {
			report.problem(path + ".channels", "expected online, hall or both");
		}
		Boolean onTheSpot = csvBoolean(record, "onTheSpot", path, report);
		Boolean citywide = csvBoolean(record, "citywide", path, report);
		if (visits > 1) {
			report.problem(path + ".visits", "must be 0 or 1");
		}
		int problemsBefore = report.problems().size();
		if (name.isEmpty() || channels == null || onTheSpot == null || citywide == null || statutory < 0
				|| committed < 0 || visits < 0 || visits > 1 || before < 0
				|| report.problems().size() > problemsBefore) {
			return Optional.empty();
		}
		return Optional.of(new ServiceItem(item.code(), name, record.get("department").strip(), item.regionCode(),
				citywide, item.legalBasis(), item.conditions(), item.fees(), statutory, committed, channels, visits,
				onTheSpot, before, item.licenceType(), item.keywords(), item.form(), item.materials(), item.workflow(),
				item.approvalRules(), item.parties(), item.eligibility(), item.sameMatter(), item.writes(),
				item.applicants(), item.basicCode(), item.hallCode(), item.property()));

	}

	private static int csvInt(CSVRecord record, String column, String path, YamlReader report) {
		String value = record.get(column).strip();
		try {
			int number = Integer.parseInt(value);
			if (number < 0) {
				report.problem(path + "." + column, "must not be negative");
				return -1;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			report.problem(path + "." + column, "expected a whole number, got '" + value + "'");
			return -1;
		}
	}

	private static Boolean csvBoolean(CSVRecord record, String column, String path, YamlReader report) {
		String value = record.get(column).strip();
		if (value.equals("true") || value.equals("false")) {
			return Boolean.valueOf(value);
		}
		report.problem(path + "." + column, "expected true or false, got '" + value + "'");
		return null;
	}

}
