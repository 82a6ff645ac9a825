package org.onevisit.messages.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onevisit.identity.OneVisitUser;
import org.onevisit.messages.internal.NotificationSettings;
import org.onevisit.messages.internal.Preferences;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The channels a person is told through, besides the in-app inbox. */
@RestController
@Tag(name = "Notifications", description = "How a person is told of their matters")
class NotificationPreferencesApiController {

	private final NotificationSettings settings;

	NotificationPreferencesApiController(NotificationSettings settings) {
		this.settings = settings;
	}

	/** The preferences as the API shows them; the in-app inbox cannot be switched off. */
	record PreferencesView(boolean inApp, String email, String mobile, boolean emailEnabled, boolean smsEnabled,
			String locale) {

		static PreferencesView of(Preferences preferences) {
			return new PreferencesView(true, preferences.email(), preferences.mobile(), preferences.emailEnabled(),
					preferences.smsEnabled(), preferences.locale());
		}

	}

	@GetMapping("/api/v1/my/notification-preferences")
	@Operation(summary = "The channels I am told through: the inbox always, e-mail and SMS as chosen")
	PreferencesView preferences(@AuthenticationPrincipal OneVisitUser user) {
		return PreferencesView.of(this.settings.of(user));
	}

	@PutMapping("/api/v1/my/notification-preferences")
	@Operation(summary = "Chooses e-mail and SMS and the language of what is sent; 400 "
			+ "notification_preferences_invalid naming the fields when a channel switched on has no valid address")
	PreferencesView choose(@AuthenticationPrincipal OneVisitUser user,
			@RequestBody NotificationSettings.Choice choice) {
		return PreferencesView.of(this.settings.choose(user, choice));
	}

}
