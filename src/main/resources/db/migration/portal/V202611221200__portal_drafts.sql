-- A form an applicant saved to finish later: one per person and matter.
create table portal_draft
(
    owner      text        not null,
    matter     text        not null,
    form       jsonb       not null,
    saved_at   timestamptz not null,
    primary key (owner, matter)
);
