package org.onevisit.registries.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.registries.RegistryControl.DataProblem;
import org.onevisit.registries.internal.SyntheticCity.Person;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCityTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	final SyntheticCity city = SyntheticCity.generate(20261122, TODAY, 10_000, 1_000);

	@Test
	void makesTenThousandResidentsWithValidAndUniqueIdNumbers() {
		List<Person> residents = this.city.residents();
		assertThat(residents).hasSizeGreaterThanOrEqualTo(10_000);
		assertThat(residents).extracting(Person::id).doesNotHaveDuplicates().allMatch(ResidentId::isValid);
		// the ID number carries the birth date and the sex
		assertThat(residents).allSatisfy((person) -> {
			ResidentId id = ResidentId.of(person.id());
			assertThat(id.birthDate()).isEqualTo(person.birth());
			assertThat(id.isMale()).isEqualTo(person.male());
		});
	}

	@Test
	void isTheSameCityFromTheSameSeed() {
		SyntheticCity again = SyntheticCity.generate(20261122, TODAY, 10_000, 1_000);
		assertThat(again.residents()).isEqualTo(this.city.residents());
	}

	@Test
	void keepsMarriagesHouseholdsAndPropertiesConsistentAcrossRegistries() {
		RegistryBook book = this.city.book();
		int married = 0;
		for (Person person : this.city.residents()) {
			var marriage = book.find("marriage.status", person.id());
			if (marriage.isEmpty() || marriage.get().status() != RegistryAnswer.Status.FOUND
					|| !"已婚".equals(marriage.get().records().get(0).get("status"))) {
				continue;
			}
			married++;
			String spouse = (String) marriage.get().records().get(0).get("spouseId");
			// the spouse's record names this person back, and they share a household
			assertThat(book.find("marriage.status", spouse).orElseThrow().records().get(0).get("spouseId"))
				.isEqualTo(person.id());
			assertThat(household(book, spouse)).isEqualTo(household(book, person.id()));
		}
		assertThat(married).isGreaterThan(3_000);
		// the seller of every filed contract owns the flat
		Map<String, Object> contract = book.find("housing.contractFiling", SyntheticCity.SELLER)
			.orElseThrow()
			.records()
			.get(0);
		assertThat(book.find("realestate.ownership", SyntheticCity.SELLER).orElseThrow().records())
			.anySatisfy((owned) -> assertThat(owned.get("certificateNo")).isEqualTo(contract.get("certificateNo")));
		assertThat(contract.get("buyerId")).isEqualTo(SyntheticCity.BUYER);
	}

	@Test
	void makesAThousandEnterprisesWithValidCreditCodes() {
		assertThat(this.city.enterprises()).isEqualTo(1_000);
		assertThat(this.city.book().count("enterprise.registration")).isEqualTo(1_000);
	}

	@Test
	void includesStaleIncompleteAndUnlinkedRecordsOnPurpose() {
		RegistryBook book = this.city.book();
		String stale = this.city.residentsWith(DataProblem.STALE_MARRIAGE).get(0);
		assertThat(book.find("marriage.status", stale).orElseThrow().updatedAt())
			.isBefore(TODAY.minusYears(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
		String incomplete = this.city.residentsWith(DataProblem.INCOMPLETE_MARRIAGE).get(0);
		assertThat(book.find("marriage.status", incomplete).orElseThrow().status())
			.isEqualTo(RegistryAnswer.Status.INCOMPLETE);
		String unlinked = this.city.residentsWith(DataProblem.UNLINKED_PROPERTY).get(0);
		assertThat(book.find("realestate.ownership", unlinked)).isEmpty();
		for (DataProblem problem : DataProblem.values()) {
			assertThat(this.city.residentsWith(problem)).as(problem.name()).hasSizeGreaterThan(5);
		}
	}

	private static Object household(RegistryBook book, String id) {
		return book.find("population.household", id).orElseThrow().records().get(0).get("householdNo");
	}

}
