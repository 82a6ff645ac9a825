-- Applicants register themselves: one account per person, with a phone to reach them.
alter table identity_account add column phone text;
create unique index identity_account_one_per_person on identity_account (resident_id)
    where resident_id is not null and 'APPLICANT' = any (roles);
