package org.onevisit.applications.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.onevisit.audit.SecurityLog;
import org.onevisit.audit.SecurityEvent.CaseViewed;
import org.onevisit.applications.ReviewRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.identity.OneVisitUser;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Uploads for their owner and for the reviewers of the applications they belong to,
 * always as a download: never shown inline, never sniffed as anything but the type
 * detected at upload, and sandboxed should a browser try.
 */
@Controller
class UploadController {

	private final Uploads uploads;

	private final SecurityLog securityLog;

	UploadController(Uploads uploads, SecurityLog securityLog) {
		this.uploads = uploads;
		this.securityLog = securityLog;
	}

	@GetMapping("/my/uploads/{id}")
	ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user) {
		return attachment(
				this.uploads.find(id, user.getUsername()).orElseThrow(() -> ReviewRefused.uploadNotFound(id)));
	}

	/** A reviewer reads the uploads of the applications their department reviews. */
	@GetMapping("/review/uploads/{id}")
	ResponseEntity<Resource> review(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user) {
		ResponseEntity<Resource> file = attachment(user.departmentCode()
			.flatMap((department) -> this.uploads.findForReview(id, department))
			.orElseThrow(() -> ReviewRefused.uploadNotFound(id)));
		this.securityLog.record(new CaseViewed(user.getUsername(), id.toString(), "review upload"));
		return file;
	}

	private static ResponseEntity<Resource> attachment(Uploads.Stored stored) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.upload().mediaType()))
			.contentLength(stored.upload().size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(stored.upload().originalName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.body(new ByteArrayResource(stored.content()));
	}

}
