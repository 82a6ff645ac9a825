-- Messages to people and businesses. `cause` names the event a message answers, so a retried event
-- does not send it twice.
create table messages_message
(
    id                    bigint generated always as identity primary key,
    recipient_resident_id text,
    recipient_credit_code text,
    cause                 text        not null unique,
    message_key           text        not null,
    arguments             jsonb       not null,
    link                  text,
    created_at            timestamptz not null,
    check ((recipient_resident_id is null) <> (recipient_credit_code is null))
);
create index messages_by_person on messages_message (recipient_resident_id, created_at desc)
    where recipient_resident_id is not null;
create index messages_by_business on messages_message (recipient_credit_code, created_at desc)
    where recipient_credit_code is not null;
