-- The demo registries' own data (a department's, not OneVisit's). The request ids each
-- registry's gate admitted, until they fall out of its clock window: a replay is refused
-- after the registry's restart too. And every request each registry answered, OneVisit's
-- or not, for the department to compare with OneVisit's access ledger: no subject, only
-- the request's id, signer and outcome, and the SM3 hash of its exact bytes.
create table registries_admitted_request (
    registry     text        not null,
    request_id   text        not null,
    forget_after timestamptz not null,
    primary key (registry, request_id)
);

create index registries_admitted_request_expiry on registries_admitted_request (forget_after);

create table registries_request_log (
    seq        bigint      generated always as identity primary key,
    registry   text        not null,
    at         timestamptz not null,
    kind       text        not null,
    request_id text,
    key_id     text,
    status     int         not null,
    outcome    text        not null,
    body_hash  text        not null
);

create index registries_request_log_by_registry on registries_request_log (registry, seq);
