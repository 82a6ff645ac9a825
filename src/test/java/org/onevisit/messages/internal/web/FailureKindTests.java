package org.onevisit.messages.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onevisit.messages.internal.OutgoingDeliveries.Channel;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.onevisit.messages.internal.OutgoingDeliveries.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FailureKindTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void aFailedDeliveryIsSaidToBeTheKindOfFailureItsReasonNames(String sentence, Channel channel, String reason,
			FailureKind kind) {
		assertThat(FailureKind.of(failed(channel, reason))).isEqualTo(kind);
	}

	static Stream<Arguments> aFailedDeliveryIsSaidToBeTheKindOfFailureItsReasonNames() {
		return Stream.of(arguments("a mail server that cannot be reached is said to be unreachable", Channel.EMAIL,
				"Mail server connection failed (org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 3025)",
				FailureKind.UNREACHABLE),
				arguments("no mail server at all is said to be not configured", Channel.EMAIL,
						"no mail server configured (spring.mail.host)", FailureKind.NOT_CONFIGURED),
				arguments("a refused recipient is said to be a refused address", Channel.EMAIL,
						"Failed messages: SendFailedException: Invalid Addresses; 550 no such mailbox",
						FailureKind.ADDRESS_REFUSED),
				arguments("a gateway answer without an id is said to be a refusal", Channel.SMS,
						"the SMS gateway answered without an id for the text", FailureKind.REFUSED));
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
