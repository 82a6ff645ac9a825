package org.onevisit.platform.internal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The ECS log lines name no one, whatever an exception's message quotes. */
class IdentifierMaskingTests {

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void masksResidentIdsAndMobileNumbersInEveryMemberOfALogLine() {
		JsonWriter<String> line = JsonWriter.of((members) -> {
			members.add("message", (String message) -> message);
			members.add("error.stack_trace", (String message) -> "org.postgresql.util.PSQLException: " + message);
			new IdentifierMasking().customize((JsonWriter.Members) members);
		});

		String written = line.writeToString(
				"Key (resident_id)=(33990319870602934X) already exists; mobile 13812345678, id 339902198503120016");

		assertThat(written).doesNotContain("33990319870602934X")
			.doesNotContain("339902198503120016")
			.doesNotContain("13812345678")
			.contains("3399**********934X")
			.contains("3399**********0016")
			.contains("138****5678");
	}

	@Test
	void leavesRequestIdsTrackingNumbersAndAmountsAlone() {
		String text = "request 0b7f3c2e-4d1a-4e9b-8f6a-1c2d3e4f5a6b, order 20261206000123, paid 1250000.00";

		assertThat(IdentifierMasking.mask(text)).isEqualTo(text);
	}

}
