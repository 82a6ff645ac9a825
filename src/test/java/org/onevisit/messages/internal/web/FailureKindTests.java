package org.onevisit.messages.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.messages.internal.OutgoingDeliveries.Channel;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.onevisit.messages.internal.OutgoingDeliveries.State;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTests {

	@Test
	void aMailServerThatCannotBeReachedIsSaidToBeUnreachable() {
		assertThat(FailureKind.of(failed(Channel.EMAIL,
				"Mail server connection failed (org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 3025)")))
			.isEqualTo(FailureKind.UNREACHABLE);
	}

	@Test
	void noMailServerAtAllIsSaidToBeNotConfigured() {
		assertThat(FailureKind.of(failed(Channel.EMAIL, "no mail server configured (spring.mail.host)")))
			.isEqualTo(FailureKind.NOT_CONFIGURED);
	}

	@Test
	void aRefusedRecipientIsSaidToBeARefusedAddress() {
		assertThat(FailureKind
			.of(failed(Channel.EMAIL, "Failed messages: SendFailedException: Invalid Addresses; 550 no such mailbox")))
			.isEqualTo(FailureKind.ADDRESS_REFUSED);
	}

	@Test
	void aGatewayAnswerWithoutAnIdIsSaidToBeARefusal() {
		assertThat(FailureKind.of(failed(Channel.SMS, "the SMS gateway answered without an id for the text")))
			.isEqualTo(FailureKind.REFUSED);
	}

	@Test
	void aDeliveryLeftMidSendIsSaidToBeInterruptedWhateverItsReason() {
		Outgoing stuck = new Outgoing(UUID.randomUUID(), 1L, "applicant1", Channel.SMS, "13800000000", "zh-CN", "k",
				List.of(), null, State.SENDING, 1, null, null, null, Instant.EPOCH, null);

		assertThat(FailureKind.of(stuck)).isEqualTo(FailureKind.INTERRUPTED);
	}

	private static Outgoing failed(Channel channel, String reason) {
		return new Outgoing(UUID.randomUUID(), 1L, "applicant1", channel, "someone@example.org", "zh-CN", "k",
				List.of(), null, State.FAILED, 3, reason, null, null, Instant.EPOCH, null);
	}

}
