package org.onevisit.catalog.internal;

import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.CatalogueEntryNotFound;
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

	CatalogueEditing(CatalogueStore store, PublishedCatalogue catalogue, CatalogueFiles files, Clock clock) {
		this.store = store;
		this.catalogue = catalogue;
		this.files = files;
		this.clock = clock;
	}

	@Override
	public ServiceItem validateItem(String yaml) {
		return CatalogueYaml.readItem("item.yaml", new StringReader(yaml), this.catalogue.rulesContext());
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> saveItemDraft(String yaml, String by) {
		ServiceItem item = validateItem(yaml);
		Versioned<ServiceItem> draft = this.store.items().saveDraft(item, by, this.clock.instant());
		this.store.audit(by, "SAVE_DRAFT", "item:" + item.code(), draft.version(), item.name());
		return draft;
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> publishItem(String code, String by) {
		Versioned<ServiceItem> published = this.store.items().publishDraft(code, this.clock.instant());
		this.store.audit(by, "PUBLISH", "item:" + code, published.version(), published.content().name());
		this.catalogue.revised();
		return published;
	}

	@Override
	@Transactional
	public Versioned<ServiceItem> retireItem(String code, String by) {
		Versioned<ServiceItem> retired = this.store.items().retire(code);
		this.store.audit(by, "RETIRE", "item:" + code, retired.version(), retired.content().name());
		this.catalogue.revised();
		return retired;
	}

	@Override
	public Bundle validateBundle(String yaml) {
		return CatalogueYaml.readBundle("bundle.yaml", new StringReader(yaml), this.catalogue.rulesContext());
	}

	@Override
	@Transactional
	public Versioned<Bundle> saveBundleDraft(String yaml, String by) {
		Bundle bundle = validateBundle(yaml);
		Versioned<Bundle> draft = this.store.bundles().saveDraft(bundle, by, this.clock.instant());
		this.store.audit(by, "SAVE_DRAFT", "bundle:" + bundle.code(), draft.version(), bundle.name());
		return draft;
	}

	@Override
	@Transactional
	public Versioned<Bundle> publishBundle(String code, String by) {
		Versioned<Bundle> draft = this.store.bundles()
			.draft(code)
			.orElseThrow(() -> new VersionConflict(code, "no draft of " + code));
		// the items may have changed since the draft was saved: check again against what
		// is published now
		CatalogueYaml.readBundle("bundle.yaml", new StringReader(CatalogueYaml.writeBundle(draft.content())),
				this.catalogue.rulesContext());
		Versioned<Bundle> published = this.store.bundles().publishDraft(code, this.clock.instant());
		this.store.audit(by, "PUBLISH", "bundle:" + code, published.version(), published.content().name());
		this.catalogue.revised();
		return published;
	}

	@Override
	@Transactional
	public Versioned<Bundle> retireBundle(String code, String by) {
		Versioned<Bundle> retired = this.store.bundles().retire(code);
		this.store.audit(by, "RETIRE", "bundle:" + code, retired.version(), retired.content().name());
		this.catalogue.revised();
		return retired;
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
		List<Versioned<ServiceItem>> versions = this.store.items().versions(code);
		if (versions.isEmpty()) {
			throw CatalogueEntryNotFound.item(code);
		}
		return versions;
	}

	@Override
	public List<Versioned<Bundle>> bundleVersions(String code) {
		List<Versioned<Bundle>> versions = this.store.bundles().versions(code);
		if (versions.isEmpty()) {
			throw CatalogueEntryNotFound.bundle(code);
		}
		return versions;
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
		return this.files.importCatalogue(fileName, yaml, by);
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
		return this.files.importItemsCsv(fileName, csv, by);
	}

	@Override
	public List<AuditEntry> audit(int limit) {
		return this.store.auditTrail(limit);
	}

}
