package org.onevisit.messages.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.onevisit.messages.NotificationRefused;

/**
 * The channels a person chose besides the in-app inbox, which is always on, and the
 * language their e-mails and texts are written in. Staff name their department: its
 * supervision warnings reach them. Serializable: a page keeps what was typed in the
 * session's flash beside a refusal.
 */
public record Preferences(String recipient, String email, String mobile, boolean emailEnabled, boolean smsEnabled,
		String locale, String department) implements Serializable {

	public static final List<String> LOCALES = List.of("zh-CN", "en");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	/** Nothing chosen yet: the inbox only, in Chinese. */
	static Preferences none(String recipient, String department) {
		return new Preferences(recipient, null, null, false, false, "zh-CN", department);
	}

	/**
	 * What a person asked for, checked: a channel switched on has a valid address, an
	 * address given is valid even if its channel is off.
	 */
	static Preferences chosen(String recipient, String email, String mobile, boolean emailEnabled, boolean smsEnabled,
			String locale, String department) {
		String address = blankToNull(email);
		String number = blankToNull(mobile);
		List<String> wrong = new ArrayList<>();
		if ((address == null && emailEnabled) || (address != null && !EMAIL.matcher(address).matches())) {
			wrong.add("email");
		}
		if ((number == null && smsEnabled) || (number != null && !MOBILE.matcher(number).matches())) {
			wrong.add("mobile");
		}
		String language = (locale == null || locale.isBlank()) ? "zh-CN" : locale;
		if (!LOCALES.contains(language)) {
			wrong.add("locale");
		}
		if (!wrong.isEmpty()) {
			throw NotificationRefused.invalid(wrong);
		}
		return new Preferences(recipient, address, number, emailEnabled, smsEnabled, language, department);
	}

	public Locale language() {
		return Locale.forLanguageTag(this.locale);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
