-- Files applicants upload; the bytes are in the data directory under the id.
create table applications_upload
(
    id            uuid primary key,
    owner         text        not null,
    original_name text        not null,
    media_type    text        not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size          bigint      not null check (size > 0 and size <= 20971520),
    sha256        text        not null,
    stored_at     timestamptz not null
);
create index applications_upload_by_owner on applications_upload (owner, stored_at desc);
