package org.onevisit.platform;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.shared.OneVisitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onevisit.platform.Bundles.CHINESE;
import static org.onevisit.platform.Bundles.ENGLISH;

class SentencesTests {

	final Sentences sentences = Bundles.sentences();

	@Test
	void showsTextStoredBeforeSentencesAsItWasStored() {
		String stored = "公安人口信息库，2026-11-22更新";

		assertThat(this.sentences.render(stored, ENGLISH)).isEqualTo(stored);
		assertThat(this.sentences.render(null, ENGLISH)).isNull();
	}

	@Test
	void rendersASentenceWithNestedSentencesInEachLanguage() {
		String stored = Sentence
			.of("exchange.note.notFoundNoted", Sentence.of("exchange.registry.population"),
					Sentence.of("exchange.note.unanswered").stored())
			.stored();

		assertThat(this.sentences.render(stored, CHINESE)).isEqualTo("公安人口信息库未找到与该证件号码关联的记录（登记机关未作答），请上传");
		assertThat(this.sentences.render(stored, ENGLISH)).isEqualTo(
				"The population registry (public security) has no record for this ID number (the registry did not answer); please upload it");
	}

	@Test
	void rendersAListOfSentencesOneAfterTheOther() {
		String stored = Sentence
			.of("approval.reason.instant",
					List.of(Sentence.of("approval.form.blank").stored(), Sentence.of("approval.form.blank").stored()))
			.stored();

		assertThat(this.sentences.render(stored, CHINESE)).isEqualTo("秒批：表单未填写；表单未填写");
		assertThat(this.sentences.render(stored, ENGLISH))
			.isEqualTo("Instant approval: the form leaves it blank; the form leaves it blank");
	}

	@Test
	void saysWhyAnActionWasRefusedInEachLanguageAndByItsCodeWhereTheBundlesHaveNoSentence() {
		OneVisitException missing = new Refused("parameter_missing", "residentId");
		OneVisitException unknown = new Refused("no_such_problem");

		assertThat(this.sentences.refusal(missing, CHINESE)).isEqualTo("缺少参数“residentId”。");
		assertThat(this.sentences.refusal(missing, ENGLISH)).isEqualTo("The parameter \"residentId\" is missing.");
		assertThat(this.sentences.refusal(unknown, ENGLISH)).isEqualTo("no_such_problem");
	}

	@Test
	void rendersTheDataAccessPurposesInEachLanguage() {
		String prefill = Sentence.of("exchange.purpose.prefill", "二手房转移登记一件事").stored();
		String registration = Sentence.of("exchange.purpose.personRegistration").stored();

		assertThat(this.sentences.render(prefill, CHINESE)).isEqualTo("预填：二手房转移登记一件事");
		assertThat(this.sentences.render(prefill, ENGLISH)).isEqualTo("Pre-filling: 二手房转移登记一件事");
		assertThat(this.sentences.render(registration, CHINESE)).isEqualTo("实名注册核验");
		assertThat(this.sentences.render(registration, ENGLISH)).isEqualTo("Identity check at registration");
	}

	private static final class Refused extends OneVisitException {

		Refused(String code, Object... arguments) {
			super(code, Kind.INVALID, code, arguments);
		}

	}

}
