-- The worker claims the next due case in the order (next_attempt_at, batch_id, row_no). The
-- index on next_attempt_at alone left every case of a batch tied (one upload gives them all
-- the same time), so each claim read and sorted all pending cases of the batch: a 5,000-case
-- batch cost 5,000 such sorts. An index in the claim's own order lets each claim read the
-- first unlocked entry. It replaces the old one, which it covers.
CREATE INDEX partners_batch_case_claim ON partners_batch_case (next_attempt_at, batch_id, row_no)
    WHERE state = 'PENDING';
DROP INDEX partners_batch_case_due;
