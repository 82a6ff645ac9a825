-- A draft form names people (names, resident IDs): it is sealed (privacy module), bound to its
-- owner and matter, and so kept as text.
alter table portal_draft alter column form type text using form::text;
