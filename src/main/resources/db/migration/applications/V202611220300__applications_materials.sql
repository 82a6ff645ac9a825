-- The materials of an application as filed: source, state (provided, pending fetch, pending licence,
-- waived), upload reference and the items that need each.
alter table applications_application add column materials jsonb not null default '[]';
