package org.onevisit.messages;

/**
 * Sends a text message to a mobile number through an SMS operator's HTTP gateway. In demo
 * mode a simulated gateway records what it was sent, so that tests and demonstrations
 * read the texts a person would have received.
 */
public interface SmsGateway {

	/**
	 * Hands the text to the gateway.
	 * @return the gateway's id of the message, for its delivery receipt
	 */
	String send(String mobileNumber, String text);

	/**
	 * Hands the text to the gateway under OneVisit's own reference for it, which a
	 * gateway uses to refuse a second send of the same message and names in its delivery
	 * receipt.
	 * @return the gateway's id of the message
	 */
	default String send(String mobileNumber, String text, String reference) {
		return send(mobileNumber, text);
	}

}
