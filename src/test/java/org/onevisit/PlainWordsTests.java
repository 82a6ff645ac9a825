package org.onevisit;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainWordsTests {

	@Test
	void findsTheMachineWordsPeopleWereShown() {
		String text = "applicant1：IN_REVIEW:decide · material seller-identity FETCHED · tax · applicant1 population.identity"
				+ " · rid:4f2a · sellerId 张三 · 第{0}项 · 已缴纳 false · null";

		assertThat(PlainWords.findings("/my", text))
			.extracting((finding) -> finding.substring(0, finding.indexOf(" on ")))
			.containsExactlyInAnyOrder("\"IN_REVIEW\"", "\"FETCHED\"", "\"rid:4f2a\"", "\"seller-identity\"",
					"\"population.identity\"", "\"sellerId\"", "\"{0}\"", "\"false\"", "\"null\"");
	}

	@Test
	void namesThePageAndTheTokenInEachFinding() {
		assertThat(PlainWords.findings("/my/data", "办理中 old-age-allowance")).singleElement()
			.asString()
			.startsWith("\"old-age-allowance\" on /my/data");
	}

	@Test
	void letsRealAbbreviationsEnglishCompoundsAndPublicCodesThrough() {
		String text = "收到 SMS 与 e-mail 的 one-time code, 扫描 QR 码下载 PDF；事项 339900-NR-002，"
				+ "统一社会信用代码 91339900MA2H5T7K0B；See the guide, e.g. the real-estate registry.";

		assertThat(PlainWords.findings("/guides", text)).isEmpty();
	}

	@Test
	void readsTrueAndFalseInAnEnglishSentenceAsWordsButNotAsAValue() {
		assertThat(PlainWords.findings("/apply",
				"I declare the information is true; if any of it is false I answer for it"))
			.isEmpty();
		assertThat(PlainWords.findings("/apply", "Seized false")).singleElement().asString().startsWith("\"false\"");
	}

	@Test
	void skipsWhatAPersonTypedWhenTheTestSaysSo() {
		assertThat(PlainWords.findings("/my", "地址 my-street.example", Set.of("my-street.example"))).isEmpty();
	}

	@Test
	void readsTheVisibleTextWithoutScriptsAndCodeAndWithCellsApart() {
		String html = "<html><body><nav><a>All open</a><a>Due soon</a></nav><script>var a_b = null;</script>"
				+ "<pre class=\"yaml\"><code>dataElement: population.identity</code></pre></body></html>";

		String text = PlainWords.visibleText(html);

		assertThat(text).contains("All open Due soon").doesNotContain("null", "population");
	}

}
