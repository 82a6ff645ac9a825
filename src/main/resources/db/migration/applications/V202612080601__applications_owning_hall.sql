-- 全市通办: a citywide item accepted at one county's hall is handled by the county that owns the
-- matter; the hall of that county's implementation is recorded beside the accepting hall (hall_code).
alter table applications_application add column owning_hall_code text;
