package org.onevisit.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onevisit.shared.InvalidIdentifier.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "11339900MB0000001J", "91339900MA00000280" })
	void acceptsCodesThatFollowGb32100(String code) {
		assertThat(CreditCode.of(code).value()).isEqualTo(code);
	}

	@Test
	void writesACheckValueOf31AsZero() {
		assertThat(CreditCode.checkCharacter("91339900MA0000028")).isEqualTo('0');
	}

	@Test
	void normalisesLowerCase() {
		assertThat(CreditCode.of("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
	}

	@ParameterizedTest(name = "{0} is refused for {1}")
	@CsvSource({ "91350100M000100Y4, LENGTH", "91350100M000100Y433, LENGTH", "91350100M000100I43, CHARACTERS",
			"91350100M000100O43, CHARACTERS", "91350100M000100S43, CHARACTERS", "91350100M000100Y4-, CHARACTERS",
			"B1350100M000100Y43, REGISTRATION_AUTHORITY", "9135A100M000100Y43, REGION",
			"91350100M000100Y44, CHECK_CHARACTER", "91350100M000100Y34, CHECK_CHARACTER" })
	void refusesCodesThatBreakARule(String code, Reason reason) {
		assertThatThrownBy(() -> CreditCode.of(code)).isInstanceOfSatisfying(InvalidIdentifier.class, (ex) -> {
			assertThat(ex.code()).isEqualTo("credit_code_invalid");
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}

	@Test
	void readsTheDivisionCode() {
		assertThat(CreditCode.of("91350100M000100Y43").divisionCode()).isEqualTo("350100");
	}

}
