package org.onevisit.partners.internal;

import java.util.Map;

import org.onevisit.shared.OneVisitException;

/**
 * A batch file that is not taken in (nothing of it is stored), or why a case of a batch
 * was not filed beyond the refusal of its own filing. A problem about one row names it
 * (the {@code row} member: the case's position in the file, from 1, the CSV header not
 * counted).
 */
public class BatchRefused extends OneVisitException {

	private final Integer row;

	private BatchRefused(String code, Kind kind, String developerMessage, Integer row, Object... arguments) {
		super(code, kind, developerMessage, arguments);
		this.row = row;
	}

	@Override
	public Map<String, Object> details() {
		return (this.row != null) ? Map.of("row", this.row) : Map.of();
	}

	public static BatchRefused empty() {
		return new BatchRefused("batch_empty", Kind.INVALID, "the batch holds no case", null);
	}

	public static BatchRefused tooManyCases(int limit, int row) {
		return new BatchRefused("batch_too_many_cases", Kind.TOO_LARGE,
				"a batch holds at most " + limit + " cases; row " + row + " is one too many", row, limit, row);
	}

	public static BatchRefused tooLarge(int megabytes) {
		return new BatchRefused("batch_too_large", Kind.TOO_LARGE, "a batch file is at most " + megabytes + " MB", null,
				megabytes);
	}

	public static BatchRefused rowMalformed(int row, String why) {
		return new BatchRefused("batch_row_malformed", Kind.INVALID, "row " + row + ": " + why, row, row);
	}

	public static BatchRefused keyMissing(int row) {
		return new BatchRefused("batch_key_missing", Kind.INVALID,
				"row " + row + " has no Idempotency-Key of 1 to 100 characters", row, row);
	}

	public static BatchRefused keyRepeated(int row, int first) {
		return new BatchRefused("batch_key_repeated", Kind.INVALID,
				"row " + row + " repeats the Idempotency-Key of row " + first, row, row, first);
	}

	public static BatchRefused formatUnsupported() {
		return new BatchRefused("batch_format_unsupported", Kind.INVALID,
				"send JSON lines (application/x-ndjson, application/jsonl) or CSV (text/csv)", null);
	}

	public static BatchRefused notFound() {
		return new BatchRefused("batch_not_found", Kind.NOT_FOUND, "no such batch of this partner", null);
	}

	/** A case of a grouped set whose other case was refused: none of the set is filed. */
	public static BatchRefused groupRefused(int row) {
		return new BatchRefused("batch_group_refused", Kind.UNPROCESSABLE,
				"the grouped set is filed all or nothing, and row " + row + " was refused", row, row);
	}

	public static BatchRefused partnerSuspended() {
		return new BatchRefused("partner_suspended", Kind.FORBIDDEN, "the partner is suspended", null);
	}

	/** A case that failed for reasons of the system's, attempt after attempt. */
	public static BatchRefused gaveUp(int attempts) {
		return new BatchRefused("batch_case_failed", Kind.UNAVAILABLE,
				"the case could not be filed after " + attempts + " attempts", null, attempts);
	}

}
