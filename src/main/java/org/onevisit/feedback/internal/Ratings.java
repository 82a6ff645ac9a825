package org.onevisit.feedback.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onevisit.applications.ApplicationId;
import org.onevisit.feedback.Feedback.Satisfaction;
import org.onevisit.feedback.FeedbackRefused;
import org.onevisit.feedback.Rating;
import org.onevisit.feedback.Rectification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ratings, one per application, with the items it was for. */
@Repository
class Ratings {

	private final JdbcClient jdbc;

	Ratings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the rating, with the items of the matter for the satisfaction figures;
	 * refused when the application is rated already (the key allows one).
	 */
	void add(Rating rating, String[] itemCodes) {
		try {
			this.jdbc
				.sql("""
						insert into feedback_rating (application_id, tracking_number, rater, stars, comment, rated_at, item_codes)
						values (:id, :tracking, :rater, :stars, :comment, :at, cast(:items as text[]))
						""")
				.param("items", itemCodes)
				.param("id", rating.application().value())
				.param("tracking", rating.trackingNumber())
				.param("rater", rating.rater())
				.param("stars", rating.stars())
				.param("comment", rating.comment())
				.param("at", Timestamp.from(rating.ratedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw FeedbackRefused.alreadyRated();
		}
	}

	Optional<Rating> of(ApplicationId id, List<Rectification> rectifications) {
		return this.jdbc.sql("select * from feedback_rating where application_id = :id")
			.param("id", id.value())
			.query((row, n) -> new Rating(id, row.getString("tracking_number"), row.getString("rater"),
					row.getInt("stars"), row.getString("comment"), row.getTimestamp("rated_at").toInstant(),
					rectifications))
			.optional();
	}

	/**
	 * Ratings given from the first to the last day, in the zone, of matters with one of
	 * the items (all when null).
	 */
	Satisfaction satisfaction(Set<String> itemCodes, LocalDate from, LocalDate to, ZoneId zone) {
		return this.jdbc.sql("""
				select count(*) as rated, count(*) filter (where stars >= 4) as satisfied,
				       count(*) filter (where stars <= 2) as bad
				from feedback_rating
				where rated_at >= :from and rated_at < :to
				  and (:everyItem or item_codes && cast(:items as text[]))
				""")
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			// never a null array: one of no type and one of strings are two statements
			// to the driver (ADR 18)
			.param("everyItem", itemCodes == null)
			.param("items", (itemCodes != null) ? itemCodes.toArray(String[]::new) : new String[0])
			.query((row, n) -> new Satisfaction(row.getLong("rated"), row.getLong("satisfied"), row.getLong("bad")))
			.single();
	}

}
