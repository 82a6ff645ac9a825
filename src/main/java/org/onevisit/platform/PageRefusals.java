package org.onevisit.platform;

import java.util.Locale;
import java.util.function.Consumer;

import org.onevisit.shared.OneVisitException;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page answers a refused action: "not found" stays a 404 (whether something exists
 * is nobody else's business), anything else is shown on the page the person returns to,
 * in their language.
 */
@Component
public class PageRefusals {

	private final Sentences sentences;

	public PageRefusals(Sentences sentences) {
		this.sentences = sentences;
	}

	/**
	 * Runs a page's action; if it is refused, shows why on the page the person returns
	 * to.
	 * @return whether the action was done
	 */
	public boolean attempt(Runnable action, RedirectAttributes redirect, Locale locale) {
		return attempt(action, redirect, locale, (refused) -> {
		});
	}

	/**
	 * Runs a page's action; if it is refused, shows why and then lets the page keep what
	 * it shows beside the refusal (what the person typed, the fields that were wrong).
	 * @return whether the action was done
	 */
	public boolean attempt(Runnable action, RedirectAttributes redirect, Locale locale,
			Consumer<OneVisitException> alsoOnRefusal) {
		try {
			action.run();
			return true;
		}
		catch (OneVisitException refused) {
			show(refused, redirect, locale);
			alsoOnRefusal.accept(refused);
			return false;
		}
	}

	public void show(OneVisitException refused, RedirectAttributes redirect, Locale locale) {
		if (refused.kind() == OneVisitException.Kind.NOT_FOUND) {
			throw refused;
		}
		redirect.addFlashAttribute("error", this.sentences.refusal(refused, locale));
	}

}
