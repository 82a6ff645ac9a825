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
	@ValueSource(strings = { "91350100M000100Y43", "11339900MB0000019C", "91339900MA0000023G" })
	void acceptsCodesThatFollowGb32100(String code) {
		assertThat(CreditCode.of(code).value()).isEqualTo(code);
	}

	@Test
	void writesACheckValueOf31AsZero() {
		assertThat(CreditCode.checkCharacter("91339900MA0000028")).isEqualTo('0');
	}

	@Test
	void refusesTheFirstDemoCodeWhoseOrganisationCodeFailsGb11714() {
		// MA2H5T7K weighs 649, 649 mod 11 = 0, so its check character is 0, not X
		assertThatThrownBy(() -> CreditCode.of("91339900MA2H5T7KX5")).isInstanceOfSatisfying(InvalidIdentifier.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.ORGANISATION_CHECK_CHARACTER));
		assertThat(CreditCode.organisationCheckCharacter("MA2H5T7K")).isEqualTo('0');
	}

	@ParameterizedTest(name = "organisation code {0} checks with {1}")
	@CsvSource({ "M000100Y, 4", "D2143569, X", "MA000002, 3" })
	void computesTheOrganisationCheckCharacterOfGb11714(String body, char check) {
		assertThat(CreditCode.organisationCheckCharacter(body)).isEqualTo(check);
	}

	@Test
	void completesSixteenCharactersWithBothCheckCharacters() {
		CreditCode assigned = CreditCode.completing("91339900MA2H5T7K");
		assertThat(assigned.value()).isEqualTo("91339900MA2H5T7K0B");
		assertThat(CreditCode.isValid(assigned.value())).isTrue();
	}

	@Test
	void normalisesLowerCase() {
		assertThat(CreditCode.of("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
	}

	@ParameterizedTest(name = "{0} is refused for {1}")
	@CsvSource({ "91350100M000100Y4, LENGTH", "91350100M000100Y433, LENGTH", "91350100M000100I43, CHARACTERS",
			"91350100M000100O43, CHARACTERS", "91350100M000100S43, CHARACTERS", "91350100M000100Y4-, CHARACTERS",
			"B1350100M000100Y43, REGISTRATION_AUTHORITY", "9135A100M000100Y43, REGION",
			"91350100M000100Y44, CHECK_CHARACTER", "91350100M000100Y34, ORGANISATION_CHECK_CHARACTER" })
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
