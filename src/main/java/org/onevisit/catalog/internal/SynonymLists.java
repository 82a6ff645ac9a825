package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the synonym list. Saving one is a catalogue change like a publication:
 * audited, and the revision is bumped so that every node rebuilds its index with it.
 */
@Component
class SynonymLists {

	private static final ClassPathResource SHIPPED = new ClassPathResource("catalog/synonyms.txt");

	private final JdbcClient jdbc;

	private final CatalogueStore store;

	private final Clock clock;

	SynonymLists(JdbcClient jdbc, CatalogueStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	/** The newest saved list, or the shipped one before any was saved. */
	Synonyms current() {
		Optional<String> saved = this.jdbc.sql("select rules from catalog_synonyms order by version desc limit 1")
			.query(String.class)
			.optional();
		if (saved.isPresent()) {
			return Synonyms.parse(saved.get());
		}
		try {
			return Synonyms.read(SHIPPED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int currentVersion() {
		return this.jdbc.sql("select coalesce(max(version), 0) from catalog_synonyms").query(Integer.class).single();
	}

	/**
	 * Checks and saves a new version; a malformed list is refused whole with its lines
	 * ({@link org.onevisit.catalog.CatalogueInvalid}) and nothing is written.
	 */
	@Transactional
	int save(String rules, String actor) {
		Synonyms checked = Synonyms.parse(rules);
		// bumping the revision first locks its row: two saves at once take turns
		this.store.nextRevision();
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from catalog_synonyms")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into catalog_synonyms (version, rules, saved_at, saved_by)
				values (:version, :rules, :at, :actor)
				""")
			.param("version", version)
			.param("rules", rules)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("actor", actor)
			.update();
		this.store.audit(actor, "SYNONYMS", Synonyms.FILE, version, checked.size() + " rules");
		return version;
	}

}
