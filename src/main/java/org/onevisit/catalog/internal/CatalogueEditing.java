package org.onevisit.catalog.internal;

import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.ConfigurationChanged;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.ImplementationDifference;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.VersionConflict;
import org.onevisit.catalog.Versioned;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What catalogue administrators do to entries: draft, publish, retire and compare them,
 * each change audited with who made it. Whole files in and out are
 * {@link CatalogueFiles}' job.
 */
@Service
class CatalogueEditing implements CatalogueAdministration {

	private final CatalogueStore store;

	private final PublishedCatalogue catalogue;

	private final CatalogueFiles files;

	private final Clock clock;

	private final SecurityLog securityLog;

	private final SynonymLists synonyms;

	CatalogueEditing(CatalogueStore store, PublishedCatalogue catalogue, CatalogueFiles files, Clock clock,
			SecurityLog securityLog, SynonymLists synonyms) {
		this.securityLog = securityLog;
		this.synonyms = synonyms;
		this.store = store;
		this.catalogue = catalogue;
		this.files = files;
		this.clock = clock;
	}

	@Override
	public ServiceItem validateItem(String yaml) {
		return CatalogueYaml.readItem("item.yaml", new StringReader(yaml), this.catalogue.entryRulesContext());
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> saveItemDraft(String yaml, String by) {
		return saveDraft(this.store.items(), validateItem(yaml), by);
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> publishItem(String code, String by) {
		// another region may have published its implementation since the draft was saved:
		// what the province fixes is checked against what is published now
		return publish(this.store.items(), code, (item) -> validateItem(CatalogueYaml.writeItem(item)), by);
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> retireItem(String code, String by) {
		return retire(this.store.items(), code, by);
	}

	@Override
	public Bundle validateBundle(String yaml) {
		return CatalogueYaml.readBundle("bundle.yaml", new StringReader(yaml), this.catalogue.entryRulesContext());
	}

	@Override
	@Transactional
	public Versioned<Bundle> saveBundleDraft(String yaml, String by) {
		return saveDraft(this.store.bundles(), validateBundle(yaml), by);
	}

	@Override
	@Transactional
	public Versioned<Bundle> publishBundle(String code, String by) {
		// the items may have changed since the draft was saved: check again against what
		// is published now
		return publish(this.store.bundles(), code, (bundle) -> validateBundle(CatalogueYaml.writeBundle(bundle)), by);
	}

	@Override
	@Transactional
	public Versioned<Bundle> retireBundle(String code, String by) {
		return retire(this.store.bundles(), code, by);
	}

	@Override
	public List<Versioned<ServiceItem>> latestItems() {
		return this.store.items().latest();
	}

	@Override
	public List<Versioned<Bundle>> latestBundles() {
		return this.store.bundles().latest();
	}

	@Override
	public List<Versioned<ServiceItem>> itemVersions(String code) {
		return versions(this.store.items(), code);
	}

	@Override
	public List<Versioned<Bundle>> bundleVersions(String code) {
		return versions(this.store.bundles(), code);
	}

	@Override
	public Versioned<ServiceItem> itemVersion(String code, int version) {
		return this.catalogue.item(code, version);
	}

	@Override
	public Versioned<Bundle> bundleVersion(String code, int version) {
		return this.catalogue.bundle(code, version);
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
	public ImportReport importCatalogue(String fileName, Reader yaml, String by) {
		ImportReport report = this.files.importCatalogue(fileName, yaml, by);
		this.securityLog.record(new ConfigurationChanged(by, "catalogue", "imported " + report));
		return report;
	}

	@Override
	public String exportCatalogue() {
		return this.files.exportCatalogue();
	}

	@Override
	public String exportItemsCsv() {
		return this.files.exportItemsCsv();
	}

	@Override
	public ImportReport importItemsCsv(String fileName, Reader csv, String by) {
		ImportReport report = this.files.importItemsCsv(fileName, csv, by);
		this.securityLog.record(new ConfigurationChanged(by, "catalogue items", "imported " + report));
		return report;
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.store.auditTrail(limit);
	}

	@Override
	public SynonymList synonyms() {
		return new SynonymList(this.synonyms.currentVersion(), this.synonyms.current().text());
	}

	@Override
	@Transactional
	public SynonymList saveSynonyms(String rules, String by) {
		int version = this.synonyms.save(rules, by);
		this.securityLog.record(new ConfigurationChanged(by, "search synonyms", "version " + version));
		return new SynonymList(version, rules);
	}

	// items and bundles are drafted, published and retired alike; each change is audited
	// under the entry's kind and code

	private <T> Versioned<T> saveDraft(VersionedStore<T> entries, T entry, String by) {
		Versioned<T> draft = entries.saveDraft(entry, by, this.clock.instant());
		this.store.audit(by, "SAVE_DRAFT", entries.subject(draft.code()), draft.version(), entries.nameOf(draft));
		return draft;
	}

	/**
	 * Publishes the draft of the code once {@code checkAgain} accepts it against what is
	 * published now, and logs who did it.
	 */
	private <T> Versioned<T> publish(VersionedStore<T> entries, String code, Consumer<T> checkAgain, String by) {
		Versioned<T> draft = entries.draft(code).orElseThrow(() -> new VersionConflict(code, "no draft of " + code));
		checkAgain.accept(draft.content());
		this.securityLog.record(new ConfigurationChanged(by, "catalogue " + entries.kind() + " " + code, "published"));
		Versioned<T> published = entries.publishDraft(code, this.clock.instant());
		this.store.audit(by, "PUBLISH", entries.subject(code), published.version(), entries.nameOf(published));
		this.catalogue.revised();
		return published;
	}

	private <T> Versioned<T> retire(VersionedStore<T> entries, String code, String by) {
		this.securityLog.record(new ConfigurationChanged(by, "catalogue " + entries.kind() + " " + code, "retired"));
		Versioned<T> retired = entries.retire(code);
		this.store.audit(by, "RETIRE", entries.subject(code), retired.version(), entries.nameOf(retired));
		this.catalogue.revised();
		return retired;
	}

	private static <T> List<Versioned<T>> versions(VersionedStore<T> entries, String code) {
		List<Versioned<T>> versions = entries.versions(code);
		if (versions.isEmpty()) {
			throw entries.notFound(code);
		}
		return versions;
	}

	@Override
	public List<ImplementationDifference> differences() {
		return ImplementationDifferences.between(this.catalogue.publishedImplementations(),
				this.catalogue.basicItems());
	}

}
