package org.onevisit.platform;

import java.util.Locale;
import java.util.List;

import org.onevisit.shared.OneVisitException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders sentences in the reader's language ({@code ${@sentences.render(stored)}} on a
 * page); stored text that holds no sentence is shown as it was stored.
 */
@Component("sentences")
public class Sentences {

	private final MessageSource messages;

	public Sentences(MessageSource messages) {
		this.messages = messages;
	}

	/** The stored text in the current request's language. */
	public String render(String stored) {
		return render(stored, LocaleContextHolder.getLocale());
	}

	public String render(String stored, Locale locale) {
		return Sentence.from(stored).map((sentence) -> render(sentence, locale)).orElse(stored);
	}

	/**
	 * Why an action was refused, in the given language: the bundles'
	 * {@code problem.<code>} sentence with the refusal's arguments, or the bare code
	 * where the bundles have none.
	 */
	public String refusal(OneVisitException refused, Locale locale) {
		return this.messages.getMessage(refused.messageKey(), refused.arguments(), refused.code(), locale);
	}

	private String render(Sentence sentence, Locale locale) {
		Object[] args = sentence.args().stream().map((arg) -> text(arg, locale)).toArray();
		return this.messages.getMessage(sentence.code(), args, sentence.code(), locale);
	}

	private String text(Object arg, Locale locale) {
		if (arg instanceof Sentence sentence) {
			return render(sentence, locale);
		}
		if (arg instanceof List<?> list) {
			String separator = this.messages.getMessage("sentence.separator", null, "; ", locale);
			return String.join(separator, list.stream().map((each) -> text(each, locale)).toList());
		}
		// text stored by another sentence, such as a registry's note kept with its answer
		return render(String.valueOf(arg), locale);
	}

}
