package org.onevisit.feedback.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a complaint or a question is from, as the two columns {@code subject_person} and
 * {@code subject_business} that both tables keep, for telling them of the answer.
 */
final class SubjectColumns {

	private SubjectColumns() {
	}

	/**
	 * The parameters {@code :person} and {@code :business} of an insert; one is null. A
	 * person's resident ID is sealed for the table's column.
	 */
	static Map<String, Object> values(Subject subject, PersonalData personalData, String table) {
		Map<String, Object> values = new HashMap<>();
		values.put("person", (subject.person() != null)
				? personalData.seal(subject.person().value(), table + ".subject_person") : null);
		values.put("business", (subject.business() != null) ? subject.business().value() : null);
		return values;
	}

	// the table is a constant of the repository that calls, never input
	static Subject of(JdbcClient jdbc, PersonalData personalData, String table, UUID id) {
		return jdbc.sql("select subject_person, subject_business from " + table + " where id = :id")
			.param("id", id)
			.query((row, n) -> (row.getString("subject_person") != null)
					? Subject.person(ResidentId
						.of(personalData.open(row.getString("subject_person"), table + ".subject_person")))
					: Subject.business(CreditCode.of(row.getString("subject_business"))))
			.single();
	}

}
