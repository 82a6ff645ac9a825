package org.onevisit.privacy.internal;

import org.onevisit.privacy.PersonalData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;

/**
 * The outbox keeps events sealed: they carry forms, names and resident IDs. Spring
 * Modulith finds a publication again by its serialized event (to complete it), so the
 * seal is stable: the same event always seals to the same text. Publications written in
 * clear before this serializer are still read.
 */
class SealedEventSerializer implements EventSerializer {

	static final String CONTEXT = "event_publication.serialized_event";

	private final JsonMapper mapper;

	private final PersonalData personalData;

	SealedEventSerializer(JsonMapper mapper, PersonalData personalData) {
		this.mapper = mapper;
		this.personalData = personalData;
	}

	@Override
	public Object serialize(Object event) {
		return this.personalData.sealStable(this.mapper.writeValueAsString(event), CONTEXT);
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		String text = serialized.toString();
		String json = PersonalData.isSealed(text) ? this.personalData.open(text, CONTEXT) : text;
		return this.mapper.readerFor(type).readValue(json);
	}

}
