package org.onevisit.platform;

import java.util.Locale;

import org.onevisit.shared.OneVisitException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page answers a refused action: "not found" stays a 404 (whether something exists
 * is nobody else's business), anything else is shown on the page the person returns to,
 * in their language.
 */
@Component
public class PageRefusals {

	private final MessageSource messages;

	public PageRefusals(MessageSource messages) {
		this.messages = messages;
	}

	public void show(OneVisitException refused, RedirectAttributes redirect, Locale locale) {
		if (refused.kind() == OneVisitException.Kind.NOT_FOUND) {
			throw refused;
		}
		redirect.addFlashAttribute("error",
				this.messages.getMessage(refused.messageKey(), refused.arguments(), refused.code(), locale));
	}

}
