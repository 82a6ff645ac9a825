package org.onevisit.privacy.internal;

import org.onevisit.privacy.PersonalData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

	// takes the place of Modulith's Jackson serializer, with the same mapper it would use
	@Bean
	EventSerializer sealedEventSerializer(ObjectProvider<JsonMapper> mapper, PersonalData personalData) {
		return new SealedEventSerializer(mapper.getIfAvailable(JsonMapper::new), personalData);
	}

}
