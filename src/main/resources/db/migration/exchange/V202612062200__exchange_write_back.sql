-- The changes approved matters write back to registries (回写), one row per item and change:
-- pending from the first attempt, written once the registry answered, with its results.
-- The update id is the one the registry applies once.
create table exchange_write_back
(
    application_id  uuid        not null,
    item_code       text        not null,
    change          text        not null,
    tracking_number text        not null,
    update_id       uuid        not null unique,
    state           text        not null check (state in ('PENDING', 'WRITTEN', 'REFUSED')),
    results         text,
    refusal         text,
    requested_at    timestamptz not null,
    written_at      timestamptz,
    primary key (application_id, item_code, change)
);
