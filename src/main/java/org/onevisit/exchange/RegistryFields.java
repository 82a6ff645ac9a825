package org.onevisit.exchange;

import java.util.Collection;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A registry record's fields as people read them ({@code ${@registryFields.label(name)}}
 * on a page): each field by its label in the reader's language, yes and no for flags,
 * lists read as lists; never the field's name in the exchange ({@code birthDate}).
 */
@Component("registryFields")
public class RegistryFields {

	private final MessageSource messages;

	public RegistryFields(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The field's label; a field the bundles do not know yet is not shown by its name.
	 */
	public String label(String field) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage("exchange.field." + field, null,
				this.messages.getMessage("exchange.field.other", null, locale), locale);
	}

	/** The value as text: flags as yes or no, lists joined, nothing as "none". */
	public String value(Object value) {
		Locale locale = LocaleContextHolder.getLocale();
		if (value == null || (value instanceof String text && text.isBlank())) {
			return this.messages.getMessage("exchange.value.none", null, locale);
		}
		if (value instanceof Boolean flag) {
			return this.messages.getMessage("exchange.value." + flag, null, locale);
		}
		if (value instanceof Collection<?> values) {
			String separator = this.messages.getMessage("exchange.value.separator", null, locale);
			return String.join(separator, values.stream().map(this::value).toList());
		}
		return value.toString();
	}

}
