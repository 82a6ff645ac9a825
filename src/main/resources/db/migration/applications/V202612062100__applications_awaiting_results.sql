-- A task of a bundle item that needs another item's result (issue 23): created as
-- AWAITING_RESULT with the items whose licences it still waits for; it opens, and its clock
-- starts, when the last of them is issued. Empty for every other task. The partial index of
-- open tasks leaves waiting tasks out, so no inbox lists them.
alter table applications_task add column awaiting jsonb not null default '[]';
