-- The access ledger: every access to a registry's data, hash-chained (SM3 over the
-- previous entry's hash and this entry's content), append-only.
create table exchange_ledger
(
    seq        bigint primary key,
    at         timestamptz not null,
    actor      text        not null,
    consumer   text        not null,
    subject    text        not null,
    registry   text        not null,
    elements   text        not null,
    reference  text        not null,
    purpose    text        not null,
    request_id text        not null,
    outcome    text        not null,
    prev_hash  bytea       not null,
    hash       bytea       not null
);
create index exchange_ledger_by_subject on exchange_ledger (subject, seq desc);

-- Signed every so many entries: rewriting the chain after an entry would also have to
-- forge the platform's signature on every later checkpoint.
create table exchange_ledger_checkpoint
(
    seq       bigint primary key,
    hash      bytea       not null,
    signed_at timestamptz not null,
    key_id    text        not null,
    signature bytea       not null
);

-- Append-only for everyone, owner and superuser included: only a superuser who first
-- disables the trigger can change a row, and the verifier then names that row.
create function exchange_ledger_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the access ledger is append-only: % is not allowed on %', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger exchange_ledger_append_only
    before update or delete on exchange_ledger
    for each row execute function exchange_ledger_append_only();
create trigger exchange_ledger_no_truncate
    before truncate on exchange_ledger
    for each statement execute function exchange_ledger_append_only();
create trigger exchange_ledger_checkpoint_append_only
    before update or delete on exchange_ledger_checkpoint
    for each row execute function exchange_ledger_append_only();
revoke update, delete, truncate on exchange_ledger, exchange_ledger_checkpoint from public;

-- A registry's signed answer to one query, kept as the evidence a material rests on.
create table exchange_evidence
(
    id           uuid primary key,
    reference    text        not null,
    requested_by text        not null,
    element      text        not null,
    subject      text        not null,
    registry     text        not null,
    request_id   text        not null,
    status       text        not null,
    updated_at   timestamptz,
    note         text,
    records      jsonb       not null,
    answer       bytea       not null,
    key_id       text        not null,
    signature    text        not null,
    fetched_at   timestamptz not null
);
create index exchange_evidence_by_reference on exchange_evidence (reference);
