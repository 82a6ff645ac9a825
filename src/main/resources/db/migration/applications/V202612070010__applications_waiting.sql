-- The matters waiting for something outside the departments (their parties' confirmation, their
-- fees and taxes), and since when, for the lapse jobs. A row exists only while a matter waits.
-- This replaces two partial indexes whose predicates named the status: a column in an index
-- predicate counts as indexed, so every change of status (each approval that finishes a matter)
-- became a non-HOT update writing every index of the application row (docs/benchmarks.md).
create table applications_waiting
(
    application_id uuid primary key references applications_application (id),
    waiting_for    text        not null,
    since          timestamptz not null
);
create index applications_waiting_since on applications_waiting (waiting_for, since);

insert into applications_waiting (application_id, waiting_for, since)
select id, status, submitted_at from applications_application where status = 'AWAITING_PARTIES';

insert into applications_waiting (application_id, waiting_for, since)
select a.id, a.status, coalesce(max(h.at), a.submitted_at)
from applications_application a
         left join applications_history h
                   on h.application_id = a.id and h.task_id is null and h.to_state = 'AWAITING_PAYMENT'
where a.status = 'AWAITING_PAYMENT'
group by a.id, a.status, a.submitted_at;

drop index applications_awaiting_parties;
drop index applications_awaiting_payment;
