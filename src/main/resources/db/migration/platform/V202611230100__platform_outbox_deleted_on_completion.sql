-- Completed publications are deleted (spring.modulith.events.completion-mode=delete): the outbox is
-- plumbing, the application's history and the access ledger are the record. The table then holds
-- only what is still to be handled, so the retry's lookup reads a small table, and neither of the
-- two secondary indexes is worth its writes on every filing and approval: the completion-date one
-- was written again by each completion, the hash one hashed every event.
delete from event_publication where completion_date is not null;
drop index event_publication_by_completion_date_idx;
drop index event_publication_serialized_event_hash_idx;
