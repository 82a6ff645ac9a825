-- The public transparency log (docs/transparency-log.md). Writers insert into the pending
-- table in their own transaction; the sequencer moves entries into the tree in batches.
-- No column holds personal data: entries name ledger positions, licence ids and hashes.
create table transparency_pending (
    id        bigserial primary key,
    reference text  not null,
    entry     bytea not null
);

-- the entries in the tree, by index from 0
create table transparency_entry (
    idx       bigint primary key,
    reference text   not null,
    entry     bytea  not null
);

create index transparency_entry_reference on transparency_entry (reference);

-- C2SP tlog-tiles of height 8: the hashes at level 8*L, 256 to a full tile; the rightmost
-- tile of a level grows until it is full (a partial tile .p/W is the first W hashes)
create table transparency_tile (
    level  smallint not null,
    idx    bigint   not null,
    hashes bytea    not null,
    primary key (level, idx)
);

-- the tree as sequenced so far (one row)
create table transparency_tree (
    id         smallint primary key check (id = 1),
    size       bigint      not null,
    root       bytea       not null,
    updated_at timestamptz not null
);

-- SM3 of nothing: the root of the empty tree
insert into transparency_tree (id, size, root, updated_at)
values (1, 0, decode('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b', 'hex'), now());

-- every signed checkpoint, as the signed note published
create table transparency_checkpoint (
    size      bigint primary key,
    root      bytea       not null,
    signed_at timestamptz not null,
    note      text        not null
);

-- witnesses' cosignatures (C2SP tlog-cosignature v1) of checkpoints
create table transparency_cosignature (
    size        bigint      not null references transparency_checkpoint (size),
    witness     text        not null,
    line        text        not null,
    received_at timestamptz not null,
    primary key (size, witness)
);
