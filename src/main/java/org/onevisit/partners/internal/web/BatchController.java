package org.onevisit.partners.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.onevisit.partners.internal.BatchRefused;
import org.onevisit.partners.internal.BatchWorker;
import org.onevisit.partners.internal.Batches;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batch intake for partners (docs/partners.md): a file of up to 5,000 cases is stored and
 * answered 202 at once; each case is then filed on its own as a single filing would be,
 * and the partner follows the batch's progress and downloads its results and errors.
 */
@RestController
@Tag(name = "Partners", description = "Partners file for people and businesses under their mandates")
class BatchController {

	/** The largest batch file taken in; 5,000 cases of a long form fit well within. */
	static final int MAX_MEGABYTES = 20;

	private final Batches batches;

	private final BatchWorker worker;

	BatchController(Batches batches, BatchWorker worker) {
		this.batches = batches;
		this.worker = worker;
	}

	record ProgressView(UUID id, String state, Instant receivedAt, int received, int filed, int refused, int pending,
			String results, String errors) {

		static ProgressView of(Batches.Progress progress) {
			String self = "/api/v1/batches/" + progress.id();
			return new ProgressView(progress.id(), progress.finished() ? "FINISHED" : "WORKING", progress.receivedAt(),
					progress.received(), progress.filed(), progress.refused(), progress.pending(), self + "/results",
					self + "/errors");
		}

	}

	@PostMapping("/api/v1/batches")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "Hand in up to 5,000 cases (JSON lines or CSV, one Idempotency-Key per case); "
			+ "each is filed on its own, as a single filing would be")
	ResponseEntity<ProgressView> receive(HttpServletRequest request, Authentication partner) throws IOException {
		Batches.Format format = formatOf(request.getContentType());
		String content = read(request.getInputStream());
		String clientId = clientIdOf(partner);
		UUID id = this.batches.receive(clientId, PartnerApiController.scopesOf((JwtAuthenticationToken) partner),
				format, content, clientId);
		this.worker.wake();
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/batches/" + id))
			.body(ProgressView.of(this.batches.progress(id, clientId)));
	}

	@GetMapping("/api/v1/batches/{id}")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "A batch's progress: cases received, filed, refused and pending")
	ProgressView progress(@PathVariable UUID id, Authentication partner) {
		return ProgressView.of(this.batches.progress(id, clientIdOf(partner)));
	}

	@GetMapping("/api/v1/batches/{id}/results")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The filed cases as CSV: row, key, tracking number, application id")
	ResponseEntity<String> results(@PathVariable UUID id, Authentication partner) {
		return csv("batch-" + id + "-results.csv", this.batches.results(id, clientIdOf(partner)));
	}

	@GetMapping("/api/v1/batches/{id}/errors")
	@PreAuthorize("hasAuthority('PARTNER')")
	@Operation(summary = "The refused cases as CSV: row, key, problem code, message in Chinese")
	ResponseEntity<String> errors(@PathVariable UUID id, Authentication partner) {
		return csv("batch-" + id + "-errors.csv", this.batches.errors(id, clientIdOf(partner)));
	}

	/**
	 * The partner's client id: any other caller is refused before (an applicant's token
	 * is no JWT, and without the {@code PARTNER} authority).
	 */
	private static String clientIdOf(Authentication partner) {
		return ((JwtAuthenticationToken) partner).getToken().getSubject();
	}

	static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(body);
	}

	static Batches.Format formatOf(String contentType) {
		String type = (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
		return switch (type) {
			case "text/csv" -> Batches.Format.CSV;
			case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines" ->
				Batches.Format.JSONL;
			default -> throw BatchRefused.formatUnsupported();
		};
	}

	static String read(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(MAX_MEGABYTES * 1024 * 1024 + 1);
		if (bytes.length > MAX_MEGABYTES * 1024 * 1024) {
			throw BatchRefused.tooLarge(MAX_MEGABYTES);
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
