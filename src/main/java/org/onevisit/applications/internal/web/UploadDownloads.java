package org.onevisit.applications.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.onevisit.applications.ReviewRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.identity.OneVisitUser;

import org.springframework.core.io.FileSystemResource;
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
 * An applicant's own uploads, always as a download: never shown inline, never sniffed as
 * anything but the type detected at upload, and sandboxed should a browser try.
 */
@Controller
class UploadDownloads {

	private final Uploads uploads;

	UploadDownloads(Uploads uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/my/uploads/{id}")
	ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal OneVisitUser user) {
		Uploads.Stored stored = this.uploads.find(id, user.getUsername())
			.orElseThrow(() -> ReviewRefused.uploadNotFound(id));
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
			.body(new FileSystemResource(stored.file()));
	}

}
