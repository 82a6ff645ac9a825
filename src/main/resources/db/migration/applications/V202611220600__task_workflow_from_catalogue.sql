-- A task's review steps are those of the item version it was filed under, which never changes once
-- published: the catalogue has them, the task keeps only the version.
alter table applications_task drop column workflow;
