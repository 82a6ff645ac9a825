package org.onevisit.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onevisit.shared.InvalidIdentifier.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "440524188001010014", "339902198503120016" })
	void acceptsNumbersThatFollowGb11643(String number) {
		assertThat(ResidentId.of(number).value()).isEqualTo(number);
	}

	@Test
	void normalisesALowerCaseCheckCharacterAndSurroundingSpace() {
		ResidentId id = ResidentId.of(" 11010519491231002x ");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id).isEqualTo(ResidentId.of("11010519491231002X"));
	}

	@ParameterizedTest(name = "{0} is refused for {1}")
	@CsvSource({ "11010519491231002, LENGTH", "11010519491231002XX, LENGTH", "'', LENGTH",
			"1101051949123100AX, CHARACTERS", "11010519491231002Y, CHARACTERS", "１１010519491231002X, CHARACTERS",
			"00010519491231002X, REGION", "99010519491231002X, REGION", "110105194902300021, BIRTH_DATE",
			"110105187912310023, BIRTH_DATE", "110105209912310021, BIRTH_DATE", "110105194912310021, CHECK_CHARACTER",
			"440524188001010015, CHECK_CHARACTER" })
	void refusesNumbersThatBreakARule(String number, Reason reason) {
		assertThatThrownBy(() -> ResidentId.of(number)).isInstanceOfSatisfying(InvalidIdentifier.class, (ex) -> {
			assertThat(ex.code()).isEqualTo("resident_id_invalid");
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}

	@Test
	void refusesNothingAtAll() {
		assertThatThrownBy(() -> ResidentId.of(null)).isInstanceOf(InvalidIdentifier.class);
		assertThat(ResidentId.isValid(null)).isFalse();
	}

	@Test
	void neverPrintsTheFullNumber() {
		ResidentId id = ResidentId.of("11010519491231002X");

		assertThat(id.masked()).isEqualTo("1101**********002X");
		assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
		assertThat(String.valueOf(java.util.List.of(id))).doesNotContain("0519491231");
	}

	@Test
	void readsBirthDateSexAndDivisionFromTheNumber() {
		ResidentId woman = ResidentId.of("11010519491231002X");
		ResidentId man = ResidentId.of("339902198503120016");

		assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(woman.isMale()).isFalse();
		assertThat(man.isMale()).isTrue();
		assertThat(man.divisionCode()).isEqualTo("339902");
		assertThat(woman.ageOn(LocalDate.of(2029, 12, 30))).isEqualTo(79);
		assertThat(woman.ageOn(LocalDate.of(2029, 12, 31))).isEqualTo(80);
	}

	@Test
	void computesTheIso7064CheckCharacter() {
		assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(ResidentId.checkCharacter("44052418800101001")).isEqualTo('4');
	}

}
