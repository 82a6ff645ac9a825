-- The search's synonym list as administrators save it: each save is a new version, never
-- changed; the newest is the one searched. Until the first save the shipped list is used.
create table catalog_synonyms
(
    version  int primary key check (version > 0),
    rules    text        not null,
    saved_at timestamptz not null,
    saved_by text        not null
);
