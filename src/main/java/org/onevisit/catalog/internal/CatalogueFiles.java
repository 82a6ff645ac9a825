package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Department;
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

	/**
	 * Imports a whole catalogue file. Only what differs from the catalogue is checked
	 * against everything and written; a file imported before, with nothing published
	 * since, is recognised by its digest and changes nothing.
	 */
	@Transactional
	public ImportReport importCatalogue(String fileName, Reader yaml, String by) {
		String text = text(yaml, fileName);
		String digest = digest(text);
		long revision = this.store.revision();
		Optional<ImportReport> asBefore = this.store.importedAsIs(digest, revision);
		if (asBefore.isPresent()) {
			this.store.audit(by, "IMPORT", "catalogue:" + fileName, null, asBefore.get().toString());
			log.info("Imported catalogue {}: as imported before, nothing changed ({})", fileName, asBefore.get());
			return asBefore.get();
		}
		CatalogueRules.Context context = this.catalogue.rulesContext();
		CatalogueDocument document = CatalogueYaml.read(fileName, new StringReader(text), context);
		Instant now = this.clock.instant();
		boolean directoryChanged = registerWhatChanged(document);
		int itemsPublished = 0;
		for (ServiceItem item : document.items()) {
			if (context.publishedItem(item.code()).filter(item::equals).isEmpty()) {
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
		boolean changed = directoryChanged || itemsPublished + bundlesPublished > 0;
		if (changed) {
			this.catalogue.revised();
		}
		// remembered only when nothing else was published meanwhile: then the catalogue
		// at this revision is exactly what the file says
		long after = this.store.revision();
		if (after == revision + (changed ? 1 : 0)) {
			this.store.imported(digest, after, report);
		}
		log.info("Imported catalogue {}: {}", fileName, report);
		return report;
	}

	/**
	 * Writes the regions, departments and basic items of a file that differ from the
	 * directory's; whether any did. A change moves the revision on like a publication:
	 * guides and search show department names.
	 */
	private boolean registerWhatChanged(CatalogueDocument document) {
		Set<Region> regions = Set.copyOf(this.directory.regions());
		Set<Department> departments = Set.copyOf(this.directory.departments());
		Set<BasicItem> basicItems = Set.copyOf(this.directory.basicItems());
		List<Region> newRegions = document.regions()
			.stream()
			.filter((region) -> !regions.contains(region))
			.sorted(Comparator.comparing((Region region) -> region.level().ordinal()))
			.toList();
		List<Department> newDepartments = document.departments()
			.stream()
			.filter((department) -> !departments.contains(department))
			.toList();
		List<BasicItem> newBasicItems = document.basicItems()
			.stream()
			.filter((basicItem) -> !basicItems.contains(basicItem))
			.toList();
		newRegions.forEach(this.directory::register);
		newDepartments.forEach(this.directory::register);
		newBasicItems.forEach(this.directory::register);
		return !(newRegions.isEmpty() && newDepartments.isEmpty() && newBasicItems.isEmpty());
	}

	private static String text(Reader reader, String fileName) {
		try {
			StringWriter text = new StringWriter();
			reader.transferTo(text);
			return text.toString();
		}
		catch (IOException ex) {
			throw new CatalogueInvalid(
					List.of(new CatalogueProblem(fileName, 0, "(file)", "not readable: " + ex.getMessage())));
		}
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
				// a row as published was checked when it was
				if (context.publishedItem(updated.get().code()).filter(updated.get()::equals).isPresent()) {
					unchanged++;
					continue;
				}
				CatalogueRules.checkItem(updated.get(), path, Set.of(), Set.of(), context, report);
				CatalogueRules.checkImplementation(updated.get(), path, Map.of(),
						CatalogueRules.implementationsBeside(updated.get(), List.of(updated.get()), context), context,
						report);
				changed.add(updated.get());
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
	 * Publishes an imported entry at once, as its draft would be, audited as imported.
	 */
	private <T> void publishImported(VersionedStore<T> versions, String kind, String code, T entry, String by,
			Instant now, String fileName) {
		int version = versions.publishNow(entry, by, now);
		this.store.audit(by, "IMPORT_PUBLISH", kind + ":" + code, version, fileName);
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
