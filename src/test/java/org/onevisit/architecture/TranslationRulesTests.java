package org.onevisit.architecture;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation rules catch what they are meant to catch, so a green bundle test means
 * something.
 */
class TranslationRulesTests {

	@Test
	void findsLiteralTextAndReadableAttributes() {
		String html = """
				<section>
					<h1>办理营业执照</h1>
					<p th:text="#{ok}">placeholder text that Thymeleaf replaces</p>
					<input placeholder="Your name">
					<img alt="" src="x.png">
					<button th:title="#{ok}" title="replaced">-</button>
					<span> - · 3 </span>
				</section>
				""";

		assertThat(TranslationRules.hardCodedText("t.html", html)).containsExactly("t.html: text '办理营业执照' in <h1>",
				"t.html: attribute placeholder='Your name' in <input>");
	}

	@Test
	void findsKeysMissingFromEitherBundleAndEmptyValues() {
		Map<String, String> chinese = Map.of("a", "甲", "b", "乙", "c", "");
		Map<String, String> english = Map.of("a", "A", "c", "C", "d", "D");

		assertThat(TranslationRules.disagreements("portal", chinese, english))
			.containsExactlyInAnyOrder("portal_en lacks b", "portal (zh-CN) lacks d", "portal (zh-CN) has an empty c");
	}

	@Test
	void readsTheMessageKeysATemplateUsesButNotKeysBuiltWhileRendering() {
		String html = "<p th:text=\"#{home.title}\"></p><a th:text=\"#{error.heading(${s})}\"></a>"
				+ "<b th:text=\"#{catalog.visits.__${item.visits()}__}\"></b>";

		assertThat(TranslationRules.messageKeys(html)).containsExactly("error.heading", "home.title");
	}

}
