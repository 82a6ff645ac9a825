-- A person holds licences by the blind index of their resident ID (privacy module); the signed
-- document, which names the holder, is sealed and bound to its licence.
comment on column licences_licence.holder_resident_id is 'blind index (HMAC-SM3) of the holder''s resident ID';
comment on column licences_licence.document is 'the signed document, sealed with SM4-GCM (privacy module)';
