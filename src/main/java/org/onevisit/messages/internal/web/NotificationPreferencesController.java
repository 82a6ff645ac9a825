package org.onevisit.messages.internal.web;

import java.util.Locale;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.messages.NotificationRefused;
import org.onevisit.messages.internal.NotificationSettings;
import org.onevisit.messages.internal.Preferences;
import org.onevisit.platform.PageRefusals;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a person chooses how they are told (我的空间 → 通知方式): citizens under my space, staff
 * under their account (they receive their department's supervision warnings).
 */
@Controller
class NotificationPreferencesController {

	private final NotificationSettings settings;

	private final PageRefusals refusals;

	NotificationPreferencesController(NotificationSettings settings, PageRefusals refusals) {
		this.settings = settings;
		this.refusals = refusals;
	}

	@GetMapping({ "/my/notifications", "/account/notifications" })
	String page(@AuthenticationPrincipal OneVisitUser user, Model model) {
		if (!model.containsAttribute("preferences")) {
			model.addAttribute("preferences", this.settings.of(user));
		}
		model.addAttribute("locales", Preferences.LOCALES);
		model.addAttribute("path", user.subject().isPresent() ? "/my/notifications" : "/account/notifications");
		return "messages/preferences";
	}

	@PostMapping({ "/my/notifications", "/account/notifications" })
	String choose(@AuthenticationPrincipal OneVisitUser user, @RequestParam(required = false) String email,
			@RequestParam(required = false) String mobile, @RequestParam(defaultValue = "false") boolean emailEnabled,
			@RequestParam(defaultValue = "false") boolean smsEnabled, @RequestParam(required = false) String locale,
			RedirectAttributes redirect, Locale pageLocale) {
		NotificationSettings.Choice choice = new NotificationSettings.Choice(email, mobile, emailEnabled, smsEnabled,
				locale);
		this.refusals.attempt(() -> {
			this.settings.choose(user, choice);
			redirect.addFlashAttribute("saved", true);
		}, redirect, pageLocale, (refused) -> {
			if (refused instanceof NotificationRefused invalid) {
				redirect.addFlashAttribute("wrong", invalid.fields());
				// what the person typed stays on the page beside the message
				redirect.addFlashAttribute("preferences", new Preferences(null, email, mobile, emailEnabled, smsEnabled,
						(locale != null) ? locale : "zh-CN", null));
			}
		});
		return "redirect:" + (user.subject().isPresent() ? "/my/notifications" : "/account/notifications");
	}

}
