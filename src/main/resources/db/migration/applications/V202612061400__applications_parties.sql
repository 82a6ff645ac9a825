-- The parties of a matter and where each one's confirmation stands (issue 22), kept with the
-- application like its materials: read and written with the row, no further round trip per
-- decision. A matter waiting for its parties has status AWAITING_PARTIES and tasks of status
-- AWAITING_PARTIES, which the partial index of open tasks leaves out.
alter table applications_application add column parties jsonb not null default '[]';

-- What awaits a person (their pending confirmations) and the matters that concern them are found
-- by containment; a matter naming nobody but its filer keeps an empty list and stays out of the index.
create index applications_by_party on applications_application using gin (parties jsonb_path_ops)
    where parties <> '[]'::jsonb;

-- The lapse job reads the few matters still waiting.
create index applications_awaiting_parties on applications_application (submitted_at)
    where status = 'AWAITING_PARTIES';
