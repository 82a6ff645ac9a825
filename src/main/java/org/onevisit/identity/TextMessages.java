package org.onevisit.identity;

/**
 * Where identity hands a text for a mobile number (a one-time code): implemented by the
 * messages module with its SMS gateway, since messages already depends on identity.
 */
public interface TextMessages {

	void send(String mobileNumber, String text);

}
