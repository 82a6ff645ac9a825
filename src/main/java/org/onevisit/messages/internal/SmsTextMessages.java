package org.onevisit.messages.internal;

import org.onevisit.identity.TextMessages;
import org.onevisit.messages.SmsGateway;

import org.springframework.stereotype.Component;

/** Hands identity's texts (one-time codes) to the SMS gateway. */
@Component
class SmsTextMessages implements TextMessages {

	private final SmsGateway gateway;

	SmsTextMessages(SmsGateway gateway) {
		this.gateway = gateway;
	}

	@Override
	public void send(String mobileNumber, String text) {
		this.gateway.send(mobileNumber, text);
	}

}
