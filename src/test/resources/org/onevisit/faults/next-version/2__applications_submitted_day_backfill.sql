-- The migrate step of version N+1 (ADR 16): the rows filed before the expand. In a transaction of
-- its own, after the expand's (which holds the table's exclusive lock) has committed; a table of
-- production's size is filled in batches instead (platform.LongWork).
update applications_application
set submitted_day = (submitted_at at time zone 'Asia/Shanghai')::date
where submitted_day is null;
