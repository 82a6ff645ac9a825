-- Electronic licences. The signed document is kept exactly as issued; revocation is the only change,
-- made once. One licence per approved item of an application, however often issuing is retried.
create table licences_licence
(
    id                 uuid primary key,
    type_name          text        not null,
    type_code          text        not null,
    holder_resident_id text,
    holder_credit_code text,
    issuer_department  text        not null,
    application_id     uuid        not null,
    tracking_number    text        not null,
    item_code          text        not null,
    issued_on          date        not null,
    valid_until        date,
    key_id             text        not null,
    document           text        not null,
    issued_at          timestamptz not null,
    revoked_at         timestamptz,
    revoked_by         text,
    revocation_reason  text,
    unique (application_id, item_code),
    check ((holder_resident_id is null) <> (holder_credit_code is null)),
    check ((revoked_at is null) = (revocation_reason is null))
);
create index licences_by_person on licences_licence (holder_resident_id, type_name) where holder_resident_id is not null;
create index licences_by_business on licences_licence (holder_credit_code, type_name) where holder_credit_code is not null;
create index licences_by_tracking on licences_licence (tracking_number);
