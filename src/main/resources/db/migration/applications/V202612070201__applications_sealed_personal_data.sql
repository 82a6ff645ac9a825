-- The form (names, resident IDs), the subject's resident ID and the parties' resident IDs
-- are sealed (privacy module). A matter is found by its subject's index: the credit code of a
-- business (public), the blind index of a person's resident ID. Parties keep the same index in
-- "party" for containment, the sealed resident ID beside it. Objects of open matters are keyed
-- by a blind index instead of a plain SM3 hash, which anyone could recompute from an ID number.
alter table applications_application alter column form type text using form::text;
alter table applications_application add column subject_index text;
update applications_application set subject_index = subject_credit_code where subject_credit_code is not null;
drop index applications_by_subject;
create index applications_by_subject on applications_application (subject_index);
