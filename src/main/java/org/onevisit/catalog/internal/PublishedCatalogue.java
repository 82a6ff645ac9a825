package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onevisit.catalog.BasicItem;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleMaterial;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueIndicators;
import org.onevisit.catalog.Department;
import org.onevisit.catalog.LicenceType;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegistryFields;
import org.onevisit.catalog.SearchHit;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.catalog.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reading and searching the published catalogue, from a snapshot in memory that follows
 * the revision every publication moves on.
 */
@Service
class PublishedCatalogue implements Catalogue {

	private static final Logger log = LoggerFactory.getLogger(PublishedCatalogue.class);

	private final CatalogueStore store;

	private final JdbcDirectory directory;

	private final CatalogueSearch search;

	private final SynonymLists synonyms;

	private final Map<String, LicenceType> licenceTypes;

	private final ObjectProvider<RegistryFields> registryFields;

	private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of());

	private volatile long lastChecked;

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

	PublishedCatalogue(CatalogueStore store, JdbcDirectory directory,
			@Value("${onevisit.catalogue.search-cache-size:10000}") int searchCacheSize,
			@Value("${onevisit.catalogue.licence-types:classpath:catalog/licence-types.yaml}") Resource licenceTypes,
			MeterRegistry meters, ObjectProvider<RegistryFields> registryFields, SynonymLists synonyms)
			throws IOException {
		this.synonyms = synonyms;
		this.registryFields = registryFields;
		this.store = store;
		this.directory = directory;
		try (Reader reader = new InputStreamReader(licenceTypes.getInputStream(), StandardCharsets.UTF_8)) {
			Map<String, LicenceType> types = new LinkedHashMap<>();
			CatalogueYaml.readLicenceTypes(licenceTypes.getFilename(), reader)
				.forEach((type) -> types.put(type.name(), type));
			this.licenceTypes = Collections.unmodifiableMap(types);
		}
		this.search = new CatalogueSearch(searchCacheSize);
		FunctionCounter.builder("onevisit.catalogue.search.cache", this.search, CatalogueSearch::cacheHits)
			.tag("result", "hit")
			.register(meters);
		FunctionCounter.builder("onevisit.catalogue.search.cache", this.search, CatalogueSearch::cacheMisses)
			.tag("result", "miss")
			.register(meters);
	}

	@Override
	public Versioned<ServiceItem> item(String code) {
		return published(current().publishedItems(), this.store.items(), code);
	}

	@Override
	public Versioned<ServiceItem> item(String code, int version) {
		return version(current().publishedItems(), this.store.items(), code, version);
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
		return published(current().publishedBundles(), this.store.bundles(), code);
	}

	@Override
	public Versioned<Bundle> bundle(String code, int version) {
		return version(current().publishedBundles(), this.store.bundles(), code, version);
	}

	// from the snapshot: every application filed reads its items, and parsing them each
	// time would cost more than the rest of filing
	private static <T> Versioned<T> published(Map<String, Versioned<T>> published, VersionedStore<T> entries,
			String code) {
		return Optional.ofNullable(published.get(code)).orElseThrow(() -> entries.notFound(code));
	}

	// the version applications are mostly filed under is the published one, in memory
	private static <T> Versioned<T> version(Map<String, Versioned<T>> published, VersionedStore<T> entries, String code,
			int version) {
		Versioned<T> current = published.get(code);
		if (current != null && current.version() == version) {
			return current;
		}
		return entries.version(code, version).orElseThrow(() -> entries.notFound(code));
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
		return CatalogueFigures.indicators(current.items(), current.bundles(), this.directory.departmentNames());
	}

	/** The published items that implement a basic item. */
	List<ServiceItem> publishedImplementations() {
		return this.store.items()
			.allPublished()
			.stream()
			.map(Versioned::content)
			.filter(ServiceItem::implementsBasicItem)
			.toList();
	}

	List<BasicItem> basicItems() {
		return this.directory.basicItems();
	}

	/**
	 * What a file being imported is checked against: the directory, the licence types and
	 * the published items as the database has them now, in the caller's transaction, all
	 * read at once.
	 */
	CatalogueRules.Context rulesContext() {
		Map<String, ServiceItem> published = new HashMap<>();
		this.store.items().allPublished().forEach((version) -> published.put(version.code(), version.content()));
		Map<String, List<ServiceItem>> implementations = published.values()
			.stream()
			.filter(ServiceItem::implementsBasicItem)
			.collect(Collectors.groupingBy(ServiceItem::basicCode));
		return rulesContext((code) -> Optional.ofNullable(published.get(code)),
				(basicCode) -> implementations.getOrDefault(basicCode, List.of()));
	}

	/**
	 * What one entry being saved or published is checked against: the published items it
	 * refers to and its basic item's other implementations, each read when first asked,
	 * not the whole catalogue.
	 */
	CatalogueRules.Context entryRulesContext() {
		Map<String, Optional<ServiceItem>> published = new HashMap<>();
		Map<String, List<ServiceItem>> implementations = new HashMap<>();
		return rulesContext(
				(code) -> published.computeIfAbsent(code,
						(read) -> this.store.items().published(read).map(Versioned::content)),
				(basicCode) -> implementations.computeIfAbsent(basicCode,
						(read) -> this.store.items()
							.allPublishedWith(VersionedStore.BASIC_CODE, read)
							.stream()
							.map(Versioned::content)
							.toList()));
	}

	private CatalogueRules.Context rulesContext(Function<String, Optional<ServiceItem>> published,
			Function<String, List<ServiceItem>> implementations) {
		Set<String> departments = this.directory.departments()
			.stream()
			.map(Department::code)
			.collect(Collectors.toSet());
		Map<String, Region> regions = this.directory.regions()
			.stream()
			.collect(Collectors.toMap(Region::code, (region) -> region));
		Map<String, BasicItem> basics = this.directory.basicItems()
			.stream()
			.collect(Collectors.toMap(BasicItem::code, (basic) -> basic));
		return new CatalogueRules.Context() {
			@Override
			public Optional<Region> region(String code) {
				return Optional.ofNullable(regions.get(code));
			}

			@Override
			public Map<String, BasicItem> basicItems() {
				return basics;
			}

			@Override
			public List<ServiceItem> publishedImplementations(String basicCode) {
				return implementations.apply(basicCode);
			}

			@Override
			public boolean departmentExists(String code) {
				return departments.contains(code);
			}

			@Override
			public boolean regionExists(String code) {
				return regions.containsKey(code);
			}

			@Override
			public Optional<ServiceItem> publishedItem(String code) {
				return published.apply(code);
			}

			@Override
			public Map<String, LicenceType> licenceTypes() {
				return PublishedCatalogue.this.licenceTypes;
			}

			@Override
			public RegistryFields registryFields() {
				return PublishedCatalogue.this.registryFields.getIfAvailable();
			}
		};
	}

	/**
	 * Moves the catalogue to its next revision, so that every node catches up, and this
	 * one as soon as the caller's transaction commits.
	 */
	void revised() {
		this.store.nextRevision();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					refresh();
				}
			});
		}
	}

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
		long revision = this.store.revision();
		Snapshot known = this.snapshot;
		if (known.revision() == revision) {
			return known;
		}
		synchronized (this) {
			if (this.snapshot.revision() != revision) {
				Map<String, Versioned<ServiceItem>> published = new LinkedHashMap<>();
				this.store.items().allPublished().forEach((version) -> published.put(version.code(), version));
				Map<String, Versioned<Bundle>> publishedBundles = new LinkedHashMap<>();
				this.store.bundles().allPublished().forEach((version) -> publishedBundles.put(version.code(), version));
				Snapshot next = new Snapshot(revision, Collections.unmodifiableMap(published),
						Collections.unmodifiableMap(publishedBundles));
				Map<String, String> names = this.directory.departmentNames();
				this.search.rebuild(next.items(), next.bundles(), (code) -> names.getOrDefault(code, ""),
						this.synonyms.current());
				this.snapshot = next;
				log.info("Catalogue revision {}: {} items, {} bundles indexed", revision, published.size(),
						publishedBundles.size());

			}
			return this.snapshot;
		}
	}

}
