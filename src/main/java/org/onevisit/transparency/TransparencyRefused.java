package org.onevisit.transparency;

import org.onevisit.shared.OneVisitException;

/** A request to the public log that cannot be answered; nothing was changed. */
public final class TransparencyRefused extends OneVisitException {

	private TransparencyRefused(String code, Kind kind, String developerMessage, Object... arguments) {
		super(code, kind, developerMessage, arguments);
	}

	public static TransparencyRefused noCheckpointOfSize(long size) {
		return new TransparencyRefused("log_checkpoint_unknown", Kind.NOT_FOUND,
				"no checkpoint was signed for a tree of " + size + " entries", size);
	}

	public static TransparencyRefused indexOutOfRange(long index, long size) {
		return new TransparencyRefused("log_index_out_of_range", Kind.INVALID,
				"entry " + index + " is not in a tree of " + size + " entries", index, size);
	}

	public static TransparencyRefused sizesReversed(long from, long to) {
		return new TransparencyRefused("log_sizes_reversed", Kind.INVALID,
				"a consistency proof goes from the smaller tree to the larger, not " + from + " to " + to, from, to);
	}

	public static TransparencyRefused cosignatureRejected(String why) {
		return new TransparencyRefused("log_cosignature_rejected", Kind.UNPROCESSABLE,
				"the cosignature is not accepted: " + why);
	}

}
