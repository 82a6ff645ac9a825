-- Channels each person (or staff member) chose besides the in-app inbox, which is always on.
-- `recipient` is the subject's identifier (resident ID or credit code) or `staff:<username>`;
-- kept here rather than on the account so that the messages module owns what it sends to.
create table messages_channel_preference
(
    recipient     text primary key,
    email         text,
    mobile        text,
    email_enabled boolean     not null default false,
    sms_enabled   boolean     not null default false,
    locale        text        not null default 'zh-CN',
    -- staff only: the department whose supervision warnings they receive
    department    text,
    updated_at    timestamptz not null,
    check (not email_enabled or email is not null),
    check (not sms_enabled or mobile is not null)
);
create index messages_channel_preference_by_department on messages_channel_preference (department)
    where department is not null;

-- One row per notice and outside channel, written in the notice's transaction (the outbox) and
-- sent after commit. The row is marked SENDING before the channel is called and SENT after, so
-- that a crash in between leaves it SENDING (shown to administrators) instead of sending it again;
-- the id travels as the e-mail's Message-ID and the SMS gateway's reference.
create table messages_delivery
(
    id                uuid primary key,
    message_id        bigint references messages_message (id),
    recipient         text        not null,
    channel           text        not null check (channel in ('EMAIL', 'SMS')),
    address           text        not null,
    locale            text        not null,
    message_key       text        not null,
    arguments         jsonb       not null,
    link              text,
    state             text        not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null,
    last_error        text,
    gateway_reference text,
    receipt           text,
    receipt_at        timestamptz,
    created_at        timestamptz not null,
    sent_at           timestamptz
);
create index messages_delivery_due on messages_delivery (next_attempt_at) where state = 'PENDING';
create index messages_delivery_failed on messages_delivery (created_at desc) where state in ('FAILED', 'SENDING');
create index messages_delivery_by_message on messages_delivery (message_id);

-- What the demo's simulated SMS gateway was given, as an operator's records would show it.
create table messages_simulated_sms
(
    id          text primary key,
    reference   text,
    mobile      text        not null,
    text        text        not null,
    sent_at     timestamptz not null,
    receipt_at  timestamptz
);
create index messages_simulated_sms_by_mobile on messages_simulated_sms (mobile, sent_at);
