-- The hall whose window accepted an application (null online), for supervision per hall.
alter table applications_application add column hall_code text;
