-- The keys personal data is sealed under, each wrapped by the key-encryption key (which is
-- never in the database): SEAL keys encrypt (the highest id seals new values, older ones
-- keep opening what they sealed), the one INDEX key makes the blind indexes of resident IDs.
create table privacy_data_key
(
    id         int primary key,
    use        text        not null check (use in ('SEAL', 'INDEX')),
    wrapped    bytea       not null,
    created_at timestamptz not null
);
create unique index privacy_one_index_key on privacy_data_key (use) where use = 'INDEX';
