package org.onevisit.privacy.internal;

import org.onevisit.privacy.PersonalData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Where frameworks store what people entered: the outbox's events and the sessions'
 * attributes (the signed-in person, with their name and resident ID) are sealed too.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	static final String SESSION_ATTRIBUTES = "spring_session_attributes.attribute_bytes";

	// takes the place of Modulith's Jackson serializer, with the same mapper it would use
	@Bean
	EventSerializer sealedEventSerializer(ObjectProvider<JsonMapper> mapper, PersonalData personalData) {
		return new SealedEventSerializer(mapper.getIfAvailable(JsonMapper::new), personalData);
	}

	/**
	 * Spring Session serializes each attribute with Java serialization; this seals the
	 * bytes. Attributes stored before (a Java stream begins with {@code AC ED}) are still
	 * read.
	 */
	@Bean("springSessionConversionService")
	ConversionService springSessionConversionService(PersonalData personalData) {
		SerializingConverter serializer = new SerializingConverter();
		DeserializingConverter deserializer = new DeserializingConverter(PrivacyConfiguration.class.getClassLoader());
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class,
				(source) -> personalData.sealBytes(serializer.convert(source), SESSION_ATTRIBUTES));
		conversion.addConverter(byte[].class, Object.class, (source) -> {
			boolean javaStream = source.length > 1 && source[0] == (byte) 0xAC && source[1] == (byte) 0xED;
			return deserializer.convert(javaStream ? source : personalData.openBytes(source, SESSION_ATTRIBUTES));
		});
		return conversion;
	}

}
