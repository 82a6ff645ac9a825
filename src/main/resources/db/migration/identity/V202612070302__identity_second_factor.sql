-- Staff sign in with a password and a TOTP code (RFC 6238). The shared secret is kept only
-- wrapped under the key-encryption key (purpose identity/totp/<username>), so a copy of the
-- database alone computes no code.
create table identity_second_factor
(
    account_id     uuid primary key references identity_account (id),
    secret_wrapped bytea       not null,
    enrolled_at    timestamptz not null
);

-- Ten recovery codes shown once at enrolment, kept as salted SM3 hashes, each usable once.
create table identity_recovery_code
(
    id         uuid primary key,
    account_id uuid        not null references identity_account (id),
    salt       bytea       not null,
    code_hash  bytea       not null,
    used_at    timestamptz
);
create index identity_recovery_code_account on identity_recovery_code (account_id);
