package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleMaterial;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueDocument;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.CatalogueIndicators;
import org.onevisit.catalog.CatalogueInvalid;
import org.onevisit.catalog.CatalogueProblem;
import org.onevisit.catalog.Channel;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.SearchHit;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class CatalogueService implements Catalogue, CatalogueAdministration {

	static final List<String> CSV_COLUMNS = List.of("code", "name", "department", "statutoryLimit", "committedLimit",
			"channels", "visits", "onTheSpot", "citywide", "materialsBefore");

	private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);

	private final JdbcClient jdbc;

	private final JdbcDirectory directory;

	private final Clock clock;

	private final VersionedStore<ServiceItem> items;

	private final VersionedStore<Bundle> bundles;

	private final CatalogueSearch search;

	private final Map<String, LicenceType> licenceTypes;

	private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of());

	private volatile long lastChecked;

	/**
	 * The published catalogue as of one revision, kept in memory for reads that list
	 * everything.
	 */
	/**
	 * The published catalogue at one revision; its lists are made once, so that callers
	 * can tell by identity that nothing was published since they last looked.
	 */
	private record Snapshot(long revision, Map<String, Versioned<ServiceItem>> publishedItems,
			Map<String, Versioned<Bundle>> publishedBundles, List<ServiceItem> items, List<Bundle> bundles) {

		Snapshot(long revision, Map<String, Versioned<ServiceItem>> publishedItems,
				Map<String, Versioned<Bundle>> publishedBundles) {
			this(revision, publishedItems, publishedBundles,
					publishedItems.values().stream().map(Versioned::content).toList(),
					publishedBundles.values().stream().map(Versioned::content).toList());
		}

	}

	CatalogueService(JdbcClient jdbc, JsonMapper json, JdbcDirectory directory, Clock clock,
			@Value("${onevisit.catalogue.search-cache-size:10000}") int searchCacheSize,
			@Value("${onevisit.catalogue.licence-types:classpath:catalog/licence-types.yaml}") Resource licenceTypes,
			MeterRegistry meters) throws IOException {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
		this.items = new VersionedStore<>(jdbc, json, "catalog_item", ServiceItem.class, ServiceItem::code,
				ServiceItem::name, ServiceItem::departmentCode);
		this.bundles = new VersionedStore<>(jdbc, json, "catalog_bundle", Bundle.class, Bundle::code, Bundle::name,
				null);
		try (Reader reader = new InputStreamReader(licenceTypes.getInputStream(), StandardCharsets.UTF_8)) {
			Map<String, LicenceType> types = new LinkedHashMap<>();
			CatalogueYaml.readLicenceTypes(licenceTypes.getFilename(), reader)
				.forEach((type) -> types.put(type.name(), type));
			this.licenceTypes = Collections.unmodifiableMap(types);
		}
		this.search = new CatalogueSearch(Synonyms.read(new ClassPathResource("catalog/synonyms.txt")),
				searchCacheSize);
		FunctionCounter.builder("onevisit.catalogue.search.cache", this.search, CatalogueSearch::cacheHits)
			.tag("result", "hit")
			.register(meters);
		FunctionCounter.builder("onevisit.catalogue.search.cache", this.search, CatalogueSearch::cacheMisses)
			.tag("result", "miss")
			.register(meters);
	}

	// ------------------------------------------------------------------ reading

	@Override
	public Versioned<ServiceItem> item(String code) {
		// from the snapshot: every application filed reads its items, parsing them each
		// time would cost
		// more than the rest of filing
		return Optional.ofNullable(current().publishedItems().get(code))
			.orElseThrow(() -> CatalogueEntryNotFound.item(code));
	}

	@Override
	public Versioned<ServiceItem> item(String code, int version) {
		// the version applications are mostly filed under is the published one, in memory
		Versioned<ServiceItem> published = current().publishedItems().get(code);
		if (published != null && published.version() == version) {
			return published;
		}
		return this.items.version(code, version).orElseThrow(() -> CatalogueEntryNotFound.item(code));
	}

	@Override
	public Optional<LicenceType> licenceType(String name) {
		return Optional.ofNullable(this.licenceTypes.get(name));
	}

	@Override
	public List<LicenceType> licenceTypes() {
		return List.copyOf(this.licenceTypes.values());
	}

	@Override
	public List<ServiceItem> publishedItems() {
		return current().items();
	}

	@Override
	public Versioned<Bundle> bundle(String code) {
		return Optional.ofNullable(current().publishedBundles().get(code))
			.orElseThrow(() -> CatalogueEntryNotFound.bundle(code));
	}

	@Override
	public Versioned<Bundle> bundle(String code, int version) {
		Versioned<Bundle> published = current().publishedBundles().get(code);
		if (published != null && published.version() == version) {
			return published;
		}
		return this.bundles.version(code, version).orElseThrow(() -> CatalogueEntryNotFound.bundle(code));
	}

	@Override
	public List<Bundle> publishedBundles() {
		return current().bundles();
	}

	@Override
	public List<ServiceItem> itemsOf(Bundle bundle) {
		return bundle.itemCodes().stream().map((code) -> item(code).content()).toList();
	}

	@Override
	public List<BundleMaterial> materialsOf(Bundle bundle) {
		Map<String, Material> materials = new LinkedHashMap<>();
		Map<String, List<String>> neededBy = new LinkedHashMap<>();
		for (ServiceItem item : itemsOf(bundle)) {
			for (Material material : item.materials()) {
				// an item that waived a material another item still needs does not make
				// it waived
				materials.merge(material.code(), material,
						(kept, next) -> (kept.source() == MaterialSource.WAIVED) ? next : kept);
				if (material.source() != MaterialSource.WAIVED) {
					neededBy.computeIfAbsent(material.code(), (code) -> new ArrayList<>()).add(item.code());
				}
			}
		}
		return materials.values()
			.stream()
			.map((material) -> new BundleMaterial(material, neededBy.getOrDefault(material.code(), List.of())))
			.toList();
	}

	@Override
	public List<SearchHit> search(String query, int limit) {
		current();
		return this.search.search(query, limit);
	}

	@Override
	public CatalogueIndicators indicators() {
		Snapshot current = current();
		Map<String, String> names = departmentNames();
		Map<String, List<ServiceItem>> byDepartment = current.items()
			.stream()
			.collect(Collectors.groupingBy(ServiceItem::departmentCode, java.util.TreeMap::new, Collectors.toList()));
		List<CatalogueIndicators.DepartmentFigures> departments = byDepartment.entrySet().stream().map((entry) -> {
			Figures figures = Figures.of(entry.getValue());
			return new CatalogueIndicators.DepartmentFigures(entry.getKey(),
					names.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue().size(),
					figures.materialsBefore, figures.toUpload,
					share(figures.materialsBefore - figures.toUpload, figures.materialsBefore),
					figures.averageStatutory, figures.averageCommitted);
		}).toList();
		List<ServiceItem> all = current.items();
		Figures figures = Figures.of(all);
		long online = all.stream().filter((item) -> item.channels().online()).count();
		long zeroVisits = all.stream().filter((item) -> item.visits() == 0).count();
		long onTheSpot = all.stream().filter(ServiceItem::onTheSpot).count();
		return new CatalogueIndicators(all.size(), current.bundles().size(), share(online, all.size()),
				share(zeroVisits, all.size()), share(onTheSpot, all.size()), figures.materialsBefore, figures.listed,
				figures.toUpload, figures.shared, figures.licences, figures.waived,
				share(figures.materialsBefore - figures.toUpload, figures.materialsBefore), figures.averageStatutory,
				figures.averageCommitted, (figures.averageStatutory > 0)
						? round(100 * (1 - figures.averageCommitted / figures.averageStatutory)) : 0,
				departments);
	}

	private record Figures(int materialsBefore, int listed, int toUpload, int shared, int licences, int waived,
			double averageStatutory, double averageCommitted) {

		static Figures of(List<ServiceItem> items) {
			int before = 0;
			int listed = 0;
			int upload = 0;
			int shared = 0;
			int licences = 0;
			int waived = 0;
			for (ServiceItem item : items) {
				before += item.materialsBefore();
				for (Material material : item.materials()) {
					listed++;
					switch (material.source()) {
						case UPLOAD -> upload++;
						case SHARED_DATA -> shared++;
						case LICENCE -> licences++;
						case WAIVED -> waived++;
					}
				}
			}
			double statutory = items.stream().mapToInt(ServiceItem::statutoryLimit).average().orElse(0);
			double committed = items.stream().mapToInt(ServiceItem::committedLimit).average().orElse(0);
			return new Figures(before, listed, upload, shared, licences, waived, round(statutory), round(committed));
		}

	}

	// ------------------------------------------------------------------ administration

	@Override
	public ServiceItem validateItem(String yaml) {
		return CatalogueYaml.readItem("item.yaml", new StringReader(yaml), context());
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> saveItemDraft(String yaml, String by) {
		ServiceItem item = validateItem(yaml);
		Versioned<ServiceItem> draft = this.items.saveDraft(item, by, this.clock.instant());
		audit(by, "SAVE_DRAFT", "item:" + item.code(), draft.version(), item.name());
		return draft;
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> publishItem(String code, String by) {
		Versioned<ServiceItem> published = this.items.publishDraft(code, this.clock.instant());
		audit(by, "PUBLISH", "item:" + code, published.version(), published.content().name());
		revised();
		return published;
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> retireItem(String code, String by) {
		Versioned<ServiceItem> retired = this.items.retire(code);
		audit(by, "RETIRE", "item:" + code, retired.version(), retired.content().name());
		revised();
		return retired;
	}

	@Override
	public Bundle validateBundle(String yaml) {
		return CatalogueYaml.readBundle("bundle.yaml", new StringReader(yaml), context());
	}

	@Override
	@Transactional
	public Versioned<Bundle> saveBundleDraft(String yaml, String by) {
		Bundle bundle = validateBundle(yaml);
		Versioned<Bundle> draft = this.bundles.saveDraft(bundle, by, this.clock.instant());
		audit(by, "SAVE_DRAFT", "bundle:" + bundle.code(), draft.version(), bundle.name());
		return draft;
	}

	@Override
	@Transactional
	public Versioned<Bundle> publishBundle(String code, String by) {
		Versioned<Bundle> draft = this.bundles.draft(code)
			.orElseThrow(() -> new org.onevisit.catalog.VersionConflict(code, "no draft of " + code));
		// the items may have changed since the draft was saved: check again against what
		// is published now
		CatalogueYaml.readBundle("bundle.yaml", new StringReader(CatalogueYaml.writeBundle(draft.content())),
				context());
		Versioned<Bundle> published = this.bundles.publishDraft(code, this.clock.instant());
		audit(by, "PUBLISH", "bundle:" + code, published.version(), published.content().name());
		revised();
		return published;
	}

	@Override
	@Transactional
	public Versioned<Bundle> retireBundle(String code, String by) {
		Versioned<Bundle> retired = this.bundles.retire(code);
		audit(by, "RETIRE", "bundle:" + code, retired.version(), retired.content().name());
		revised();
		return retired;
	}

	@Override
	public List<Versioned<ServiceItem>> latestItems() {
		return this.items.latest();
	}

	@Override
	public List<Versioned<Bundle>> latestBundles() {
		return this.bundles.latest();
	}

	@Override
	public List<Versioned<ServiceItem>> itemVersions(String code) {
		List<Versioned<ServiceItem>> versions = this.items.versions(code);
		if (versions.isEmpty()) {
			throw CatalogueEntryNotFound.item(code);
		}
		return versions;
	}

	@Override
	public List<Versioned<Bundle>> bundleVersions(String code) {
		List<Versioned<Bundle>> versions = this.bundles.versions(code);
		if (versions.isEmpty()) {
			throw CatalogueEntryNotFound.bundle(code);
		}
		return versions;
	}

	@Override
	public Versioned<ServiceItem> itemVersion(String code, int version) {
		return item(code, version);
	}

	@Override
	public Versioned<Bundle> bundleVersion(String code, int version) {
		return bundle(code, version);
	}

	@Override
	public String itemYaml(ServiceItem item) {
		return CatalogueYaml.writeItem(item);
	}

	@Override
	public String bundleYaml(Bundle bundle) {
		return CatalogueYaml.writeBundle(bundle);
	}

	@Override
	public List<DiffLine> diff(String before, String after) {
		return LineDiff.of(before, after);
	}

	@Override
	@Transactional
	public ImportReport importCatalogue(String fileName, Reader yaml, String by) {
		CatalogueDocument document = CatalogueYaml.read(fileName, yaml, context());
		Instant now = this.clock.instant();
		document.regions()
			.stream()
			.sorted(Comparator.comparing((Region region) -> region.level().ordinal()))
			.forEach(this.directory::register);
		document.departments().forEach(this.directory::register);
		int itemsPublished = 0;
		for (ServiceItem item : document.items()) {
			Optional<Versioned<ServiceItem>> published = this.items.published(item.code());
			if (published.isPresent() && published.get().content().equals(item)) {
				continue;
			}
			this.items.saveDraft(item, by, now);
			Versioned<ServiceItem> version = this.items.publishDraft(item.code(), now);
			audit(by, "IMPORT_PUBLISH", "item:" + item.code(), version.version(), fileName);
			itemsPublished++;
		}
		int bundlesPublished = 0;
		for (Bundle bundle : document.bundles()) {
			Optional<Versioned<Bundle>> published = this.bundles.published(bundle.code());
			if (published.isPresent() && published.get().content().equals(bundle)) {
				continue;
			}
			this.bundles.saveDraft(bundle, by, now);
			Versioned<Bundle> version = this.bundles.publishDraft(bundle.code(), now);
			audit(by, "IMPORT_PUBLISH", "bundle:" + bundle.code(), version.version(), fileName);
			bundlesPublished++;
		}
		ImportReport report = new ImportReport(document.regions().size(), document.departments().size(), itemsPublished,
				document.items().size() - itemsPublished, bundlesPublished,
				document.bundles().size() - bundlesPublished);
		audit(by, "IMPORT", "catalogue:" + fileName, null, report.toString());
		if (itemsPublished + bundlesPublished > 0) {
			revised();
		}
		log.info("Imported catalogue {}: {}", fileName, report);
		return report;
	}

	@Override
	public String exportCatalogue() {
		return CatalogueYaml.write(new CatalogueDocument(this.directory.regions(), this.directory.departments(),
				this.items.allPublished().stream().map(Versioned::content).toList(),
				this.bundles.allPublished().stream().map(Versioned::content).toList()));
	}

	@Override
	public String exportItemsCsv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
			for (Versioned<ServiceItem> version : this.items.allPublished()) {
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

	@Override
	@Transactional
	public ImportReport importItemsCsv(String fileName, Reader csv, String by) {
		YamlReader report = new YamlReader(fileName);
		List<ServiceItem> changed = new ArrayList<>();
		int unchanged = 0;
		CatalogueRules.Context context = context();
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
				if (updated.get()
					.equals(this.items.published(updated.get().code()).map(Versioned::content).orElse(null))) {
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
			this.items.saveDraft(item, by, now);
			Versioned<ServiceItem> version = this.items.publishDraft(item.code(), now);
			audit(by, "IMPORT_PUBLISH", "item:" + item.code(), version.version(), fileName);
		}
		audit(by, "IMPORT_CSV", "catalogue:" + fileName, null,
				changed.size() + " changed, " + unchanged + " unchanged");
		if (!changed.isEmpty()) {
			revised();
		}
		return new ImportReport(0, 0, changed.size(), unchanged, 0, 0);
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
				item.approvalRules()));

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

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.jdbc.sql("select * from catalog_audit order by id desc limit :limit")
			.param("limit", limit)
			.query((row, rowNum) -> new AuditEntry(row.getTimestamp("at").toInstant(), row.getString("actor"),
					row.getString("action"), row.getString("subject"), (Integer) row.getObject("version"),
					row.getString("detail")))
			.list();
	}

	// ------------------------------------------------------------------ keeping the
	// snapshot and index current

	/** Checks now and then whether another node published something, and catches up. */
	@Scheduled(fixedDelayString = "${onevisit.catalogue.refresh:30s}",
			initialDelayString = "${onevisit.catalogue.refresh:30s}")
	void refreshIfStale() {
		refresh();
	}

	/**
	 * The snapshot, checked against the database at most once a second so that searches
	 * stay cheap.
	 */
	private Snapshot current() {
		long now = System.nanoTime();
		if (this.snapshot.revision() >= 0 && now - this.lastChecked < 1_000_000_000L) {
			return this.snapshot;
		}
		this.lastChecked = now;
		return refresh();
	}

	private Snapshot refresh() {
		long revision = this.jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
		Snapshot known = this.snapshot;
		if (known.revision() == revision) {
			return known;
		}
		synchronized (this) {
			if (this.snapshot.revision() != revision) {
				Map<String, Versioned<ServiceItem>> published = new LinkedHashMap<>();
				this.items.allPublished().forEach((version) -> published.put(version.code(), version));
				Map<String, Versioned<Bundle>> publishedBundles = new LinkedHashMap<>();
				this.bundles.allPublished().forEach((version) -> publishedBundles.put(version.code(), version));
				Snapshot next = new Snapshot(revision, java.util.Collections.unmodifiableMap(published),
						java.util.Collections.unmodifiableMap(publishedBundles));
				Map<String, String> names = departmentNames();
				this.search.rebuild(next.items(), next.bundles(), (code) -> names.getOrDefault(code, ""));
				this.snapshot = next;
				log.info("Catalogue revision {}: {} items, {} bundles indexed", revision, published.size(),
						publishedBundles.size());

			}
			return this.snapshot;
		}
	}

	private void revised() {
		this.jdbc.sql("update catalog_revision set revision = revision + 1, at = :at where id = 1")
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refresh();
				}
			});
		}
	}

	private void audit(String actor, String action, String subject, Integer version, String detail) {
		this.jdbc.sql("""
				insert into catalog_audit (at, actor, action, subject, version, detail)
				values (:at, :actor, :action, :subject, :version, :detail)
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("subject", subject)
			.param("version", version)
			.param("detail", detail)
			.update();
	}

	private CatalogueRules.Context context() {
		Set<String> departments = this.directory.departments()
			.stream()
			.map(Department::code)
			.collect(Collectors.toSet());
		Set<String> regions = this.directory.regions().stream().map(Region::code).collect(Collectors.toSet());
		Map<String, ServiceItem> published = new HashMap<>();
		this.items.allPublished().forEach((version) -> published.put(version.code(), version.content()));
		return new CatalogueRules.Context() {
			@Override
			public boolean departmentExists(String code) {
				return departments.contains(code);
			}

			@Override
			public boolean regionExists(String code) {
				return regions.contains(code);
			}

			@Override
			public Optional<ServiceItem> publishedItem(String code) {
				return Optional.ofNullable(published.get(code));
			}

			@Override
			public Map<String, LicenceType> licenceTypes() {
				return CatalogueService.this.licenceTypes;
			}
		};
	}

	private Map<String, String> departmentNames() {
		return this.directory.departments().stream().collect(Collectors.toMap(Department::code, Department::name));
	}

	private static double share(long part, long whole) {
		return (whole == 0) ? 0 : round(100.0 * part / whole);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
