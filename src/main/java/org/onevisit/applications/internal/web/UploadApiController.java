package org.onevisit.applications.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.applications.ReviewRefused;
import org.onevisit.applications.Upload;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.identity.Actor;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads through the API, for a filing or a supplement to name by id: the same store as
 * the pages' uploads (type by content, 20 MB), and only the bearer's own are ever found.
 */
@RestController
@Tag(name = "Uploads", description = "Files for the materials of a filing or a supplement")
class UploadApiController {

	private final Uploads uploads;

	UploadApiController(Uploads uploads) {
		this.uploads = uploads;
	}

	/** What the API tells of an upload: never its content, never its owner. */
	record UploadView(UUID id, String name, String type, long size, String material) {

		static UploadView of(Upload upload) {
			return new UploadView(upload.id(), upload.originalName(), upload.mediaType(), upload.size(),
					upload.material());
		}

	}

	@PostMapping(path = "/api/v1/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('APPLICANT', 'CLERK')")
	@Operation(
			summary = "Upload a file (PDF, JPEG or PNG by its content, at most 20 MB) for a filing or a supplement "
					+ "to name by its id; unused after a day, it is deleted",
			responses = { @ApiResponse(responseCode = "201", description = "stored; Location names it"),
					@ApiResponse(responseCode = "413", description = "larger than 20 MB (problem upload_too_large)"),
					@ApiResponse(responseCode = "422",
							description = "another type by its content, or empty (problems upload_type_not_allowed, "
									+ "upload_empty)") })
	ResponseEntity<UploadView> upload(@RequestParam("file") MultipartFile file, @Parameter(
			description = "the material code it is for; a filing naming it for another is refused") @RequestParam(
					required = false) String material,
			Actor actor) {
		if (file.getSize() > Uploads.MAX_BYTES) {
			// refused before a byte is read: the store would refuse it after reading
			throw UploadRefused.tooLarge(file.getOriginalFilename());
		}
		String materialCode = (material == null || material.isBlank()) ? null : material.strip();
		try (InputStream content = file.getInputStream()) {
			Upload stored = this.uploads.store(actor.username(), file.getOriginalFilename(), content, materialCode);
			return ResponseEntity.created(URI.create("/api/v1/uploads/" + stored.id())).body(UploadView.of(stored));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/v1/uploads/{id}")
	@PreAuthorize("hasAnyRole('APPLICANT', 'CLERK')")
	@Operation(summary = "An upload of yours: its name, type by content, size and material; 404 for anyone else's")
	UploadView find(@PathVariable UUID id, Actor actor) {
		return this.uploads.find(id, actor.username())
			.map((stored) -> UploadView.of(stored.upload()))
			.orElseThrow(() -> ReviewRefused.uploadNotFound(id));
	}

}
