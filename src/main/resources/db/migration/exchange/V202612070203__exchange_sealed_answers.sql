-- Registry answers and what was read from them name people: the answer body, the evidence's
-- subject and records are sealed (privacy module), each bound to its row. The ledger keeps a
-- person as the blind index of their resident ID; its hash chain covers what is stored, so entries
-- written before (in clear) keep verifying as they are.
alter table exchange_evidence alter column records type text using records::text;
comment on column exchange_ledger.subject is 'a person as the blind index (HMAC-SM3) of their resident ID, else the identifier';
