package org.onevisit.partners.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be delivered: an https address on the public internet. A partner's
 * URL that names, or resolves to, a loopback, private (RFC 1918), shared (RFC 6598),
 * link-local, unique local (RFC 4193), unspecified or multicast address would have
 * OneVisit's server post into the province's own network on the partner's behalf
 * (server-side request forgery): refused when subscribed, and checked again before each
 * delivery, since a name may resolve elsewhere later. For tests and the demo,
 * {@code onevisit.partners.webhooks.allow-private-targets} allows them (and plain http to
 * this machine).
 */
@Component
class WebhookTargets {

	private final boolean allowPrivate;

	WebhookTargets(@Value("${onevisit.partners.webhooks.allow-private-targets:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** Why the URL is no place to deliver to, or null where it is one. */
	Refusal refusal(String url) {
		URI uri;
		try {
			uri = URI.create((url == null) ? "" : url.strip());
		}
		catch (IllegalArgumentException ex) {
			return Refusal.INVALID;
		}
		String host = uri.getHost();
		if (host == null || url.length() > 500 || uri.getUserInfo() != null) {
			return Refusal.INVALID;
		}
		boolean local = "localhost".equals(host) || "127.0.0.1".equals(host);
		if (!("https".equals(uri.getScheme()) || (this.allowPrivate && local && "http".equals(uri.getScheme())))) {
			return Refusal.INVALID;
		}
		if (this.allowPrivate) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return Refusal.UNRESOLVED;
		}
		for (InetAddress address : addresses) {
			if (privateAddress(address)) {
				return Refusal.PRIVATE;
			}
		}
		return null;
	}

	/** Why a URL is refused. */
	enum Refusal {

		/** Not an https URL (or too long, or with credentials in it). */
		INVALID,
		/** Its host name does not resolve. */
		UNRESOLVED,
		/** It names or resolves to an address that is not on the public internet. */
		PRIVATE

	}

	/** Whether the address is one no webhook is sent to. */
	static boolean privateAddress(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses (RFC 4193)
			return (bytes[0] & 0xfe) == 0xfc;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		// 0.0.0.0/8 "this network", 100.64.0.0/10 shared address space (RFC 6598)
		return first == 0 || (first == 100 && second >= 64 && second < 128);
	}

}
