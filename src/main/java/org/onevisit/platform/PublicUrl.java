package org.onevisit.platform;

/**
 * The address people reach OneVisit at, as printed in QR codes and links that leave the
 * browser: {@code onevisit.public-url}, required outside demo mode. Never taken from a
 * request's {@code Host} header, which whoever sends the request chooses.
 */
public interface PublicUrl {

	/**
	 * The base address without a trailing slash, such as
	 * {@code https://zwfw.example.gov.cn}.
	 */
	String base();

}
