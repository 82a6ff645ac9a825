-- A person who registered with a mobile number the population registry does not hold for
-- them (or has not confirmed it yet) is limited: they log in and read, and file or confirm
-- nothing until the number is confirmed by a one-time code or a clerk checks their ID at a
-- window. Accounts opened before this, staff and seeded ones, are not limited.
alter table identity_account add column limited boolean not null default false;
alter table identity_account add column identity_verified_at timestamptz;
-- 'sms' or the username of the clerk who checked the ID card at a window
alter table identity_account add column identity_verified_by text;
-- the number the population registry held, when it was the one given at registration
alter table identity_account add column registry_mobile text;

-- One-time codes sent by SMS (registration, password recovery): only a salted SM3 hash is
-- kept; a code expires, allows a few attempts, and is used once.
create table identity_one_time_code
(
    id         uuid primary key,
    account_id uuid        not null references identity_account (id),
    purpose    text        not null,
    mobile     text        not null,
    salt       bytea       not null,
    code_hash  bytea       not null,
    sent_at    timestamptz not null,
    expires_at timestamptz not null,
    attempts   integer     not null default 0,
    used_at    timestamptz
);
create index identity_one_time_code_latest on identity_one_time_code (account_id, purpose, sent_at desc);
