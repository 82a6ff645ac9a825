-- The outbox is a queue: each publication is inserted and, once handled, deleted by its id
-- (ADR 4). The table holds a few dozen live rows in a heap that dead rows grow between two
-- vacuums, and a vacuum that empties the heap's last pages cuts them off. Plans are made again
-- after each vacuum: made while the heap is a few pages, the delete by id reads the whole heap
-- (a sequential scan costs less than the primary key on a few pages), and each connection keeps
-- that plan while the heap grows back to hundreds of pages. On the bundle benchmark the delete
-- then read 800 buffers instead of 4, and the engine's PostgreSQL time per bundle rose from pair
-- to pair (docs/benchmarks.md). Kept pages are reused by the next inserts, so the heap stays at
-- its high-water mark, and a plan made after any vacuum sees it and takes the primary key.
alter table event_publication set (vacuum_truncate = false);
