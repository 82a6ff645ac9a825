package org.onevisit.applications.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ReviewRefused;

/**
 * Where a page of an applicant's list ended, handed to the client as an opaque token: the
 * last matter's submission instant and id. Opaque so that clients follow the {@code next}
 * link instead of building one.
 */
final class FiledCursor {

	private FiledCursor() {
	}

	static String write(Applications.Filed last) {
		String plain = last.submittedAt().getEpochSecond() + ":" + last.submittedAt().getNano() + ":"
				+ last.id().value();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static Applications.Filed read(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3) {
				throw ReviewRefused.cursorInvalid();
			}
			return new Applications.Filed(new ApplicationId(UUID.fromString(parts[2])),
					Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw ReviewRefused.cursorInvalid();
		}
	}

}
