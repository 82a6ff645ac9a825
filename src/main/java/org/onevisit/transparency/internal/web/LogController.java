package org.onevisit.transparency.internal.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.onevisit.transparency.internal.PublicLog;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The log as static resources (C2SP tlog-tiles): the checkpoint, the hash tiles and the
 * entry bundles, for anyone to mirror and check without an account.
 */
@Controller
class LogController {

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain; charset=utf-8");

	private final PublicLog log;

	LogController(PublicLog log) {
		this.log = log;
	}

	@GetMapping("/log/checkpoint")
	ResponseEntity<String> checkpoint() {
		return this.log.checkpoint()
			.map((note) -> ResponseEntity.ok()
				.contentType(TEXT)
				.cacheControl(CacheControl.maxAge(Duration.ofSeconds(2)).cachePublic())
				.body(note))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/log/tile/**")
	ResponseEntity<byte[]> tile(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + "/log/".length());
		byte[] body = this.log.resource(path);
		if (body == null) {
			return ResponseEntity.notFound().build();
		}
		// a tile or bundle, full or partial, never changes once served
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.body(body);
	}

}
