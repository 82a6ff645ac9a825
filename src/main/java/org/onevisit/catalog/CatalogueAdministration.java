package org.onevisit.catalog;

import java.io.Reader;
import java.time.Instant;
import java.util.List;

/**
 * What catalogue administrators do: edit drafts, publish, retire, compare versions,
 * import and export. Every change is audited with who made it.
 */
public interface CatalogueAdministration {

	/**
	 * Checks an item in the catalogue file format without saving it;
	 * {@link CatalogueInvalid} lists every problem.
	 */
	ServiceItem validateItem(String yaml);

	Versioned<ServiceItem> saveItemDraft(String yaml, String by);

	Versioned<ServiceItem> publishItem(String code, String by);

	Versioned<ServiceItem> retireItem(String code, String by);

	Bundle validateBundle(String yaml);

	Versioned<Bundle> saveBundleDraft(String yaml, String by);

	Versioned<Bundle> publishBundle(String code, String by);

	Versioned<Bundle> retireBundle(String code, String by);

	/** The newest version of every item, draft or not. */
	List<Versioned<ServiceItem>> latestItems();

	List<Versioned<Bundle>> latestBundles();

	List<Versioned<ServiceItem>> itemVersions(String code);

	List<Versioned<Bundle>> bundleVersions(String code);

	Versioned<ServiceItem> itemVersion(String code, int version);

	Versioned<Bundle> bundleVersion(String code, int version);

	String itemYaml(ServiceItem item);

	String bundleYaml(Bundle bundle);

	/**
	 * Line differences between two texts of the same entry, for the version comparison
	 * page.
	 */
	List<DiffLine> diff(String before, String after);

	/**
	 * Imports a whole catalogue file and publishes what changed, all or nothing: an
	 * invalid file is refused with every problem and nothing of it is saved.
	 */
	ImportReport importCatalogue(String fileName, Reader yaml, String by);

	/** The published catalogue in the file format; importing it again changes nothing. */
	String exportCatalogue();

	/** Basic item attributes as CSV, one item a line (see docs/catalogue-format.md). */
	String exportItemsCsv();

	/**
	 * Updates basic attributes of published items from CSV, all or nothing, publishing a
	 * new version of each changed item.
	 */
	ImportReport importItemsCsv(String fileName, Reader csv, String by);

	List<AuditEntry> audit(int limit);

	/**
	 * The search's synonym list as administrators wrote it (citizens' phrases => the
	 * catalogue's words), with its version; version 0 is the list shipped with the
	 * application, before any was saved.
	 */
	SynonymList synonyms();

	/**
	 * Saves a new version of the synonym list, audited, and searched from the next
	 * revision on; a malformed list is refused whole with the line of every malformed
	 * rule ({@link CatalogueInvalid}) and nothing is saved.
	 */
	SynonymList saveSynonyms(String rules, String by);

	/** One version of the synonym list. */
	record SynonymList(int version, String rules) {
	}

	/**
	 * Every attribute in which two regions' published implementations of one basic item
	 * differ (同一事项无差别), by basic item and attribute.
	 */
	List<ImplementationDifference> differences();

	/** What an import did. */
	record ImportReport(int regions, int departments, int basicItems, int itemsPublished, int itemsUnchanged,
			int bundlesPublished, int bundlesUnchanged) {
	}

	/** One administrator action. */
	record AuditEntry(Instant at, String actor, String action, String subject, Integer version, String detail) {
	}

	/** A line of a comparison: kept, added or removed. */
	record DiffLine(char mark, String text) {
	}

}
