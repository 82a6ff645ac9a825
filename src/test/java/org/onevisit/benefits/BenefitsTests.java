package org.onevisit.benefits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitServer;
import org.onevisit.platform.Sentences;
import org.onevisit.OneVisitHttp;
import org.onevisit.shared.Subject;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.NewAccount;
import org.onevisit.messages.Inbox;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.ResidentId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 高龄津贴 and the senior bus card, found in the registries and granted without applying. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenefitsTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	PersonalData personalData;

	@Autowired
	Benefits benefits;

	@Autowired
	Sentences sentences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inbox inbox;

	@Autowired
	AccountManagement accounts;

	/** The operator's own query: born on or before the day, and in a household. */
	Set<String> directlyAtLeast(int years) {
		String cutoff = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(years).toString();
		Set<String> old = new HashSet<>(this.server.registries()
			.subjectsMatching("population.identity", (record) -> record.get("birthDate") != null
					&& record.get("birthDate").toString().compareTo(cutoff) <= 0));
		old.retainAll(this.server.registries().subjectsMatching("population.household", (record) -> true));
		return old;
	}

	@Test
	void grantsTheOldAgeAllowanceToExactlyTheResidentsWhoAreEightyAndTellsThem() {
		Set<String> eighty = directlyAtLeast(80);
		assertThat(eighty).hasSizeGreaterThan(20);

		Simulation simulation = this.benefits.simulate("old-age-allowance");
		assertThat(simulation.qualifying()).isEqualTo(eighty.size());
		assertThat(simulation.samples()).isNotEmpty()
			.allSatisfy((sample) -> assertThat(sample.maskedId()).contains("*"))
			.allSatisfy((sample) -> assertThat(this.sentences.render(sample.reasoning(), Locale.SIMPLIFIED_CHINESE))
				.contains("年满80周岁：是（", "具有本市户籍：是（"));
		assertThat(this.benefits.run("old-age-allowance")).as("switched off: nothing").isZero();

		this.benefits.switchOn("old-age-allowance", "admin1");
		int granted = this.benefits.run("old-age-allowance");

		List<String> grantedTo = this.jdbc
			.sql("select subject from benefits_grant where policy = 'old-age-allowance' and status = 'GRANTED'")
			.query(String.class)
			.list();
		// the table keeps each person as the blind index of their resident ID
		assertThat(new HashSet<>(grantedTo)).isEqualTo(eighty.stream()
			.map((person) -> this.personalData.blindIndex(ResidentId.of(person)))
			.collect(java.util.stream.Collectors.toSet()));
		assertThat(granted).isEqualTo(eighty.size());
		assertThat(this.benefits.run("old-age-allowance")).as("nobody twice").isZero();
		String someone = eighty.iterator().next();
		assertThat(this.inbox.of(Subject.person(ResidentId.of(someone))))
			.anySatisfy((message) -> assertThat(message.key()).isEqualTo("message.benefitGranted"));
		// each read is on the ledger, under the policy
		assertThat(this.jdbc.sql(
				"select count(*) from exchange_ledger where subject = :subject and reference = 'policy:old-age-allowance'")
			.param("subject", this.personalData.blindIndex(ResidentId.of(someone)))
			.query(Long.class)
			.single()).isPositive();
		assertThat(simulation.millis()).isLessThan(60_000);
	}

	@Test
	void offersTheBusCardAndTheCitizenAcceptsWithOneClick() {
		String elder = directlyAtLeast(65).stream().sorted().findFirst().orElseThrow();
		String name = this.server.registries().nameOf(elder).orElseThrow();
		this.accounts.openIfAbsent(
				NewAccount.applicant("elder-" + elder.substring(14), "long-enough-1", name, ResidentId.of(elder)));
		this.benefits.switchOn("senior-bus-card", "admin1");
		assertThat(this.benefits.run("senior-bus-card")).isPositive();

		OneVisitHttp citizen = this.server.http();
		citizen.logIn("elder-" + elder.substring(14), "long-enough-1");
		String page = citizen.get("/my/benefits").body();
		assertThat(page).contains("老年人免费乘车卡", "待确认", "年满65周岁：是");
		String action = Jsoup.parse(page).select("form[action*=acceptance]").attr("action");

		citizen.postForm(action, "_csrf=" + OneVisitHttp.csrfTokenOf(page));

		assertThat(citizen.get("/my/benefits").body()).contains("已确认");
		OneVisitHttp other = this.server.signedIn("applicant1");
		assertThat(other.postForm(action, "_csrf=" + OneVisitHttp.csrfTokenOf(other.get("/").body())).statusCode())
			.isEqualTo(404);
	}

	@Test
	void everySwitchOfAPolicyIsKeptWithWhoSwitchedItAndWhen() {
		long before = switchesOf("senior-bus-card");

		this.benefits.switchOff("senior-bus-card", "admin1");
		this.benefits.switchOn("senior-bus-card", "admin2");

		assertThat(switchesOf("senior-bus-card")).isEqualTo(before + 2);
		assertThat(this.jdbc.sql("""
				select active, switched_by from benefits_policy_switch where policy = 'senior-bus-card'
				order by id desc limit 2
				""").query((row, n) -> row.getBoolean("active") + " " + row.getString("switched_by")).list())
			.containsExactly("true admin2", "false admin1");
		assertThat(this.jdbc.sql("select switched_by from benefits_policy_state where policy = 'senior-bus-card'")
			.query(String.class)
			.single()).as("the page still shows the latest switch").isEqualTo("admin2");
		assertThat(this.benefits.active("senior-bus-card")).isTrue();
	}

	long switchesOf(String policy) {
		return this.jdbc.sql("select count(*) from benefits_policy_switch where policy = :policy")
			.param("policy", policy)
			.query(Long.class)
			.single();
	}

}
