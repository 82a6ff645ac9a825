-- A person or business finds the matters filed about them by a clerk or an agent too.
create index applications_by_subject on applications_application (coalesce(subject_resident_id, subject_credit_code));
