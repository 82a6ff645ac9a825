package org.onevisit.platform.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every text read from JSON, a record's member or a free-form value (an application's
 * form), is refused when it holds a control character: the API answers 400
 * {@code control_characters} before any of it is stored.
 */
@Configuration(proxyBeanMethods = false)
class ControlCharacterJson {

	/** A text in a JSON body with a character no person types. */
	static final class Refused extends InvalidFormatException {

		Refused(JsonParser parser, String value) {
			super(parser, "control character in text", value, String.class);
		}

	}

	@Bean
	JsonMapperBuilderCustomizer controlCharactersRefused() {
		SimpleModule module = new SimpleModule("onevisit-control-characters");
		module.addDeserializer(String.class, new Texts());
		return (builder) -> builder.addModule(module);
	}

	static final class Texts extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (ControlCharacters.in(text)) {
				throw new Refused(parser, text);
			}
			return text;
		}

	}

}
