-- Version N+1 of RollingUpgradeFaultTest, not a migration of OneVisit's: an expand (ADR 16). A
-- nullable column N does not know, kept filled by a trigger whichever node inserts, so that what
-- N files while N+1 runs beside it has the new shape too. The test numbers it after OneVisit's
-- last migration at each run.
create function applications_submitted_day() returns trigger
    language plpgsql as
$$
begin
    new.submitted_day := (new.submitted_at at time zone 'Asia/Shanghai')::date;
    return new;
end
$$;

-- The running nodes write this table all the time, and a statement of theirs that comes after
-- the ALTER waits behind it (their lock_timeout is 2 s): its lock is asked for with a short wait,
-- again and again, so that they never wait longer than that.
do
$$
    begin
        for attempt in 1..100
            loop
                begin
                    perform set_config('lock_timeout', '200ms', true);
                    alter table applications_application add column submitted_day date;
                    create trigger applications_submitted_day
                        before insert or update of submitted_at
                        on applications_application
                        for each row
                    execute function applications_submitted_day();
                    return;
                exception
                    when lock_not_available then
                        perform pg_sleep(least(attempt, 10) * 0.1);
                end;
            end loop;
        raise exception 'applications_application stayed locked';
    end
$$;
