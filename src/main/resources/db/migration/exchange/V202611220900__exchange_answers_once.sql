-- A registry's signed answer is kept once per request, not once per query it answers: the
-- evidence rows name it by request id.
create table exchange_answer
(
    request_id  text primary key,
    registry    text        not null,
    body        bytea       not null,
    key_id      text        not null,
    signature   text        not null,
    received_at timestamptz not null
);
insert into exchange_answer (request_id, registry, body, key_id, signature, received_at)
select distinct on (request_id) request_id, registry, answer, key_id, signature, fetched_at
from exchange_evidence
order by request_id, fetched_at;
alter table exchange_evidence
    drop column answer,
    drop column key_id,
    drop column signature;
