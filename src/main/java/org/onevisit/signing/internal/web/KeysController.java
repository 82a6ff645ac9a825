package org.onevisit.signing.internal.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.onevisit.signing.KeyName;
import org.onevisit.signing.KeyRotated;
import org.onevisit.signing.SigningKeys;
import org.onevisit.signing.SigningKeys.PublishedKey;
import org.onevisit.signing.SigningRefused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key list, public so that anyone can check what OneVisit signed, and rotation for
 * administrators.
 */
@RestController
class KeysController {

	private final SigningKeys keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	KeysController(SigningKeys keys, ApplicationEventPublisher events, Clock clock) {
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	/** Every key by name: which one signs now and which only verify. */
	@GetMapping("/api/v1/keys")
	List<KeyView> keys() {
		return Arrays.stream(KeyName.values())
			.flatMap((name) -> this.keys.keys(name).stream())
			.map(KeyView::of)
			.toList();
	}

	/** The keys under one name. */
	@GetMapping("/api/v1/keys/{name}")
	List<KeyView> keys(@PathVariable String name) {
		return this.keys.keys(named(name)).stream().map(KeyView::of).toList();
	}

	/** A new key signs under that name from now on; the earlier ones keep verifying. */
	@PostMapping("/api/v1/admin/keys/{name}/rotation")
	@ResponseStatus(HttpStatus.CREATED)
	KeyView rotate(@PathVariable String name, Principal administrator) {
		KeyName rotating = named(name);
		KeyView rotated = KeyView.of(this.keys.rotate(rotating));
		// for the security log, in this request's thread: a rotation is rare
		this.events
			.publishEvent(new KeyRotated(rotating, rotated.keyId(), administrator.getName(), this.clock.instant()));
		return rotated;
	}

	private static KeyName named(String name) {
		return KeyName.ofCode(name).orElseThrow(() -> SigningRefused.unknownName(name));
	}

	/**
	 * A key as published: its name, id, status ({@code signing} or {@code verifying}),
	 * the uncompressed point in hex and the X.509 SubjectPublicKeyInfo in Base64.
	 */
	record KeyView(String name, String keyId, String status, String algorithm, String curve, String publicKeyHex,
			String subjectPublicKeyInfo, Instant createdAt, Instant retiredAt) {

		static KeyView of(PublishedKey key) {
			return new KeyView(key.name().code(), key.keyId(), key.signs() ? "signing" : "verifying", "SM2-SM3",
					"sm2p256v1", key.key().hex(), Base64.getEncoder().encodeToString(key.key().subjectPublicKeyInfo()),
					key.createdAt(), key.retiredAt());
		}

	}

}
