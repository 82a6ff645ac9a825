-- The catalogue files imported, by the SHA-256 of their text, with the revision the catalogue
-- had once each was in: while the catalogue is still at that revision, importing the same file
-- again would change nothing, and is answered without reading and checking it all again. The
-- counts are its report's.
create table catalog_import
(
    digest      text primary key check (digest ~ '^[0-9a-f]{64}$'),
    revision    bigint      not null,
    regions     int         not null,
    departments int         not null,
    basic_items int         not null,
    items       int         not null,
    bundles     int         not null,
    at          timestamptz not null
);

-- An item being published is checked against the other published implementations of its basic
-- item (同一事项无差别), read by the basic item's code.
create index catalog_item_published_by_basic on catalog_item ((definition ->> 'basicCode')) where status = 'PUBLISHED';
