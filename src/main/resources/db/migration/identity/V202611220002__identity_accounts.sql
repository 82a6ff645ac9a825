create table identity_account
(
    id              uuid primary key,
    username        text        not null unique,
    password_hash   text        not null,
    display_name    text        not null,
    roles           text[]      not null,
    -- a reviewer acts for exactly one department; nobody else is bound to one
    department_code text,
    resident_id     text,
    credit_code     text,
    enabled         boolean     not null default true,
    created_at      timestamptz not null,
    constraint identity_account_reviewer_has_department
        check (('REVIEWER' = any (roles)) = (department_code is not null))
);

-- Only the SM3 hash of a bearer token is kept.
create table identity_api_token
(
    token_hash bytea primary key,
    account_id uuid        not null references identity_account (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);
create index identity_api_token_expiry on identity_api_token (expires_at);
