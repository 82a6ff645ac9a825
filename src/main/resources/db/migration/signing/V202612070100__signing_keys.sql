-- OneVisit's own signing keys, by name (licences, exchange, ledger, ...). The private key is
-- wrapped with SM4-GCM under the key-encryption key, which is never in the database or the
-- data directory; a key imported from an older plain file keeps only its public key.
create table signing_key (
    name        text        not null,
    key_id      text        not null,
    public_key  text        not null,
    private_key bytea,
    created_at  timestamptz not null,
    retired_at  timestamptz,
    primary key (name, key_id),
    check (retired_at is not null or private_key is not null)
);

-- at most one key signs under each name
create unique index signing_key_signs on signing_key (name) where retired_at is null;
