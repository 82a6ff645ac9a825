package org.onevisit.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.onevisit.privacy.PersonalData;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forms saved to finish later (草稿), one per person and matter; filing the matter removes
 * its draft. A form names people: it is sealed, bound to its owner and matter.
 */
@Component
public class Drafts {

	private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final PersonalData personalData;

	Drafts(JdbcClient jdbc, JsonMapper json, Clock clock, PersonalData personalData) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.personalData = personalData;
	}

	private static String context(String owner, String matter) {
		return "portal_draft.form/" + owner + "/" + matter;
	}

	public void save(String owner, String matter, Map<String, Object> form) {
		this.jdbc.sql("""
				insert into portal_draft (owner, matter, form, saved_at) values (:owner, :matter, :form, :at)
				on conflict (owner, matter) do update set form = excluded.form, saved_at = excluded.saved_at
				""")
			.param("owner", owner)
			.param("matter", matter)
			.param("form", this.personalData.seal(this.json.writeValueAsString(form), context(owner, matter)))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	public Optional<Map<String, Object>> find(String owner, String matter) {
		return this.jdbc.sql("select form from portal_draft where owner = :owner and matter = :matter")
			.param("owner", owner)
			.param("matter", matter)
			.query((row, rowNum) -> this.json
				.readValue(this.personalData.open(row.getString("form"), context(owner, matter)), FORM))
			.optional();
	}

	public void remove(String owner, String matter) {
		this.jdbc.sql("delete from portal_draft where owner = :owner and matter = :matter")
			.param("owner", owner)
			.param("matter", matter)
			.update();
	}

}
