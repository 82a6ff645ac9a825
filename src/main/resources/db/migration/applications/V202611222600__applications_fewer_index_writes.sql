-- Fewer index writes per decision (issue 4's benchmark: each bundle wrote about 84 WAL records
-- against the bare JDBC version's 44).

-- The inbox only ever lists open tasks: a partial index holds them alone, so a task that is
-- approved, rejected or withdrawn leaves the index instead of adding an entry to it, and the
-- index stays as small as the work in hand.
drop index applications_task_inbox;
create index applications_task_open on applications_task (department_code, committed_due)
    where status in ('IN_REVIEW', 'WAITING_FOR_SUPPLEMENT');

-- History is read per application in order: that index is the primary key now, one index
-- per history row instead of two (the identity alone is unique as well).
alter table applications_history drop constraint applications_history_pkey;
drop index applications_history_by_application;
alter table applications_history add primary key (application_id, id);

-- An application has a handful of tasks and history rows. ANALYZE's sample, taken while
-- applications arrive by the thousand, can put the number of distinct applications far too
-- low, and with it the estimate for "an application's tasks" far too high. Negative
-- n_distinct is a fraction of the rows: about four tasks, ten history rows each. (Issue 4's
-- benchmark had seen that query planned anew on most calls; this did not change that.)
alter table applications_task alter column application_id set (n_distinct = -0.25);
alter table applications_history alter column application_id set (n_distinct = -0.1);
