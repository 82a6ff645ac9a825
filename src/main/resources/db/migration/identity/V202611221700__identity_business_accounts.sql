-- A business registers through the person acting for it (its legal representative); one
-- account per business, and the person who opened it is kept.
alter table identity_account add column acting_resident_id text;
alter table identity_account add column acting_name text;
create unique index identity_account_one_per_business on identity_account (credit_code)
    where credit_code is not null and 'APPLICANT' = any (roles);
