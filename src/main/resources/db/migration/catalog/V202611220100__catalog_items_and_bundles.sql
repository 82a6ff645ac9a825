-- Items and bundles are versioned documents: a version is never changed once published; a new
-- publication supersedes the old one, which stays readable for the applications filed under it.
create table catalog_item
(
    code            text        not null,
    version         int         not null check (version > 0),
    status          text        not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    name            text        not null,
    department_code text        not null references catalog_department (code),
    definition      jsonb       not null,
    saved_at        timestamptz not null,
    saved_by        text        not null,
    published_at    timestamptz,
    primary key (code, version)
);
create unique index catalog_item_one_draft on catalog_item (code) where status = 'DRAFT';
create unique index catalog_item_one_published on catalog_item (code) where status = 'PUBLISHED';
create index catalog_item_by_department on catalog_item (department_code) where status = 'PUBLISHED';

create table catalog_bundle
(
    code         text        not null,
    version      int         not null check (version > 0),
    status       text        not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'RETIRED')),
    name         text        not null,
    definition   jsonb       not null,
    saved_at     timestamptz not null,
    saved_by     text        not null,
    published_at timestamptz,
    primary key (code, version)
);
create unique index catalog_bundle_one_draft on catalog_bundle (code) where status = 'DRAFT';
create unique index catalog_bundle_one_published on catalog_bundle (code) where status = 'PUBLISHED';

-- Every change an administrator makes, appended and never updated.
create table catalog_audit
(
    id      bigint generated always as identity primary key,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    subject text        not null,
    version int,
    detail  text
);
create index catalog_audit_by_subject on catalog_audit (subject, id);

-- Bumped on every publication, so that each node can tell when its search index is stale.
create table catalog_revision
(
    id       int primary key check (id = 1),
    revision bigint      not null,
    at       timestamptz not null
);
insert into catalog_revision (id, revision, at) values (1, 0, now());
