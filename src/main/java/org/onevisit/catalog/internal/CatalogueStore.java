package org.onevisit.catalog.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.CatalogueAdministration.AuditEntry;
import org.onevisit.catalog.CatalogueAdministration.ImportReport;
import org.onevisit.catalog.CatalogueChanged;
import org.onevisit.catalog.CatalogueEntryNotFound;
import org.onevisit.catalog.ServiceItem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's tables: the versions of items and bundles, the administrators' audit
 * trail, and the revision that tells every node something was published.
 */
@Component
class CatalogueStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final VersionedStore<ServiceItem> items;

	private final VersionedStore<Bundle> bundles;

	CatalogueStore(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.items = new VersionedStore<>(jdbc, json, "catalog_item", "item", CatalogueEntryNotFound::item,
				ServiceItem.class, ServiceItem::code, ServiceItem::name, ServiceItem::departmentCode);
		this.bundles = new VersionedStore<>(jdbc, json, "catalog_bundle", "bundle", CatalogueEntryNotFound::bundle,
				Bundle.class, Bundle::code, Bundle::name, null);
	}

	VersionedStore<ServiceItem> items() {
		return this.items;
	}

	VersionedStore<Bundle> bundles() {
		return this.bundles;
	}

	long revision() {
		return this.jdbc.sql("select revision from catalog_revision where id = 1").query(Long.class).single();
	}

	void nextRevision() {
		this.jdbc.sql("update catalog_revision set revision = revision + 1, at = :at where id = 1")
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * The report of a file imported before, if the catalogue is still at the revision
	 * that import left it at.
	 */
	Optional<ImportReport> importedAsIs(String digest, long revision) {
		return this.jdbc.sql("select * from catalog_import where digest = :digest and revision = :revision")
			.param("digest", digest)
			.param("revision", revision)
			.query((row, rowNum) -> new ImportReport(row.getInt("regions"), row.getInt("departments"),
					row.getInt("basic_items"), 0, row.getInt("items"), 0, row.getInt("bundles")))
			.optional();
	}

	/** Remembers that the catalogue at this revision is what the file says. */
	void imported(String digest, long revision, ImportReport report) {
		this.jdbc.sql("""
				insert into catalog_import (digest, revision, regions, departments, basic_items, items, bundles, at)
				values (:digest, :revision, :regions, :departments, :basicItems, :items, :bundles, :at)
				on conflict (digest) do update set revision = excluded.revision, at = excluded.at
				""")
			.param("digest", digest)
			.param("revision", revision)
			.param("regions", report.regions())
			.param("departments", report.departments())
			.param("basicItems", report.basicItems())
			.param("items", report.itemsPublished() + report.itemsUnchanged())
			.param("bundles", report.bundlesPublished() + report.bundlesUnchanged())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	void audit(String actor, String action, String subject, Integer version, String detail) {
		this.jdbc.sql("""
				insert into catalog_audit (at, actor, action, subject, version, detail)
				values (:at, :actor, :action, :subject, :version, :detail)
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("subject", subject)
			// none where the action concerns no single version (ADR 18)
			.param("version", version, Types.INTEGER)
			.param("detail", detail)
			.update();
		// every publication and retirement the trail records is also told, in this
		// transaction, to whoever keeps a public record of the catalogue
		String change = switch (action) {
			case "PUBLISH", "IMPORT_PUBLISH" -> "publish";
			case "RETIRE" -> "retire";
			default -> null;
		};
		int colon = subject.indexOf(':');
		if (change != null && version != null && colon > 0) {
			this.events.publishEvent(new CatalogueChanged(subject.substring(0, colon), subject.substring(colon + 1),
					version, change, this.clock.instant()));
		}
	}

	List<AuditEntry> auditTrail(int limit) {
		return this.jdbc.sql("select * from catalog_audit order by id desc limit :limit")
			.param("limit", limit)
			.query((row, rowNum) -> new AuditEntry(row.getTimestamp("at").toInstant(), row.getString("actor"),
					row.getString("action"), row.getString("subject"), (Integer) row.getObject("version"),
					row.getString("detail")))
			.list();
	}

}
