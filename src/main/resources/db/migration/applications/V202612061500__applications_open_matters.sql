-- One matter at a time per object (a property unit, a couple, an enterprise name, as the
-- catalogue's sameMatter fields name it): each object a matter in progress is about, by
-- the SM3 hash of its item and values (the values include ID numbers), claimed in the
-- filing's transaction and released when the matter finishes. The primary key lets
-- exactly one of two filings racing for the same object through.
create table applications_open_matter
(
    matter_key      text primary key,
    application_id  uuid not null references applications_application (id),
    tracking_number text not null
);
create index applications_open_matter_by_application on applications_open_matter (application_id);
