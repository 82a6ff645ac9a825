-- An entry is looked up by its reference (a licence's check, 我的数据): its first index,
-- `where reference = $1 order by idx limit 1`. With an index on (reference) alone, PostgreSQL
-- may answer that by walking the primary key in idx order and filtering on reference (it
-- does whenever it expects many rows per reference, as before the table's first ANALYZE),
-- reading half the table on average: 21 ms a proof at 200,000 entries. On (reference, idx)
-- the first index of a reference is one descent of this index, whatever the statistics say.
--
-- Only the sequencer inserts into transparency_entry (writers insert into
-- transparency_pending), so the build's SHARE lock holds back only the sequencer: entries
-- wait in pending and the next checkpoint comes that much later; readers are not blocked.
-- Not CONCURRENTLY: Flyway holds its lock in a transaction, which a concurrent build would
-- wait for.
create index transparency_entry_by_reference on transparency_entry (reference, idx);

-- The index on (reference) alone is this one's prefix. Dropping it takes the table's
-- exclusive lock, which the readers' statements would queue behind (their lock_timeout is
-- 2 s): asked for with a short wait, again and again (ADR 16).
do
$$
    begin
        for attempt in 1..100
            loop
                begin
                    perform set_config('lock_timeout', '200ms', true);
                    drop index transparency_entry_reference;
                    return;
                exception
                    when lock_not_available then
                        perform pg_sleep(least(attempt, 10) * 0.1);
                end;
            end loop;
        raise exception 'transparency_entry stayed locked';
    end
$$;
