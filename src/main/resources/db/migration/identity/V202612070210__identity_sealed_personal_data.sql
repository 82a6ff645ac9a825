-- Resident IDs, names and phones are sealed (privacy module); a person's account is found and
-- kept unique by the blind index of their resident ID. An applicant who registered with their
-- resident ID logs in with it: the username column holds 'rid:' and its blind index instead.
-- Rows written before stay readable only after the start-up sealing (see docs/reliability.md).
alter table identity_account add column resident_id_index text;
drop index identity_account_one_per_person;
create unique index identity_account_one_per_person on identity_account (resident_id_index)
    where resident_id_index is not null and 'APPLICANT' = any (roles);
