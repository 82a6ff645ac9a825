-- Applications, their department tasks and their history. History is only appended.
create sequence applications_tracking_seq;

create table applications_application
(
    id                  uuid primary key,
    tracking_number     text        not null unique,
    subject_resident_id text,
    subject_credit_code text,
    filed_by            text        not null,
    channel             text        not null check (channel in ('ONLINE', 'HALL', 'PARTNER')),
    bundle_code         text,
    form                jsonb       not null,
    status              text        not null,
    submitted_at        timestamptz not null,
    finished_at         timestamptz,
    check ((subject_resident_id is null) <> (subject_credit_code is null))
);
create index applications_by_applicant on applications_application (filed_by, submitted_at desc);

create table applications_task
(
    id                  uuid primary key,
    application_id      uuid        not null references applications_application (id),
    item_code           text        not null,
    item_version        int         not null,
    department_code     text        not null,
    -- the review steps of the item version the application was filed under
    workflow            jsonb       not null,
    committed_limit     int         not null,
    statutory_limit     int         not null,
    step                text        not null,
    status              text        not null,
    committed_due       date        not null,
    statutory_due       date        not null,
    paused_since        timestamptz,
    paused_working_days int         not null default 0,
    missing             jsonb       not null default '[]',
    reason              text,
    version             bigint      not null
);
create index applications_task_by_application on applications_task (application_id);
create index applications_task_inbox on applications_task (department_code, status, committed_due);

create table applications_history
(
    id             bigint generated always as identity primary key,
    application_id uuid        not null references applications_application (id),
    task_id        uuid,
    at             timestamptz not null,
    actor          text        not null,
    from_state     text,
    to_state       text        not null,
    reason         text
);
create index applications_history_by_application on applications_history (application_id, id);

-- Idempotent submission: the same key from the same filer answers the same application.
create table applications_idempotency
(
    filed_by       text        not null,
    key            text        not null,
    request_hash   bytea       not null,
    application_id uuid        not null references applications_application (id),
    created_at     timestamptz not null,
    primary key (filed_by, key)
);
