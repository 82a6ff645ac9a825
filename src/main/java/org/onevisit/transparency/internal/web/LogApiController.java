package org.onevisit.transparency.internal.web;

import java.util.Map;

import org.onevisit.transparency.LogVerification;
import org.onevisit.transparency.internal.PublicLog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proofs against the log's signed checkpoints (public), witnesses' cosignatures (accepted
 * from registered witness keys only, by their signature), and the administrators' check
 * of the whole log.
 */
@RestController
class LogApiController {

	private final PublicLog log;

	LogApiController(PublicLog log) {
		this.log = log;
	}

	/**
	 * The inclusion proof of entry {@code index} in the tree of the checkpoint of that
	 * size.
	 */
	@GetMapping("/api/v1/log/proofs/inclusion")
	PublicLog.Proof inclusion(@RequestParam long index, @RequestParam long size) {
		return this.log.inclusionProof(index, size);
	}

	/**
	 * The consistency proof from the checkpoint of size {@code from} to that of
	 * {@code to}.
	 */
	@GetMapping("/api/v1/log/proofs/consistency")
	PublicLog.Proof consistency(@RequestParam long from, @RequestParam long to) {
		return this.log.consistencyProof(from, to);
	}

	/**
	 * A witness's cosignature: the checkpoint as the witness cosigned it (C2SP signed
	 * note with its tlog-cosignature line).
	 */
	@PostMapping(path = "/api/v1/log/cosignatures", consumes = "text/plain")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Integer> cosign(@RequestBody String cosignedCheckpoint) {
		return Map.of("accepted", this.log.acceptCosignature(cosignedCheckpoint));
	}

	/** Checks every entry against every signed checkpoint. */
	@GetMapping("/api/v1/admin/log/verification")
	LogVerification verification() {
		return this.log.verify();
	}

}
