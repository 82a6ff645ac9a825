-- What a 补正 request asks of the applicant and by when, while it waits: the materials and
-- fields named (with the reviewer's reasons) and its last day, which the lapse reads.
alter table applications_task
    add column asked          jsonb not null default '[]',
    add column supplement_due date;
create index applications_task_supplement_due on applications_task (supplement_due)
    where status = 'WAITING_FOR_SUPPLEMENT';

-- Every 补正 request and its answer, kept when the task moves on: what was asked (items,
-- reasons, lines to read, the deadline) and what was given, each item's value before and
-- after, sealed (a corrected field holds personal data). The uploads the answer names, in
-- the clear, keep the cleanup of unused uploads off them.
create table applications_supplement
(
    id             uuid primary key,
    application_id uuid        not null references applications_application (id),
    task_id        uuid        not null references applications_task (id),
    requested_at   timestamptz not null,
    requested_by   text        not null,
    items          jsonb       not null,
    lines          jsonb       not null,
    due            date,
    answered_at    timestamptz,
    answered_by    text,
    answer         text,
    uploads        jsonb       not null default '[]'
);
create index applications_supplement_by_application on applications_supplement (application_id, requested_at);
create unique index applications_supplement_open on applications_supplement (task_id) where answered_at is null;
create index applications_supplement_uploads on applications_supplement using gin (uploads jsonb_path_ops);
