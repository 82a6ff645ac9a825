-- Each security event also enters the public transparency log as a commitment: SM3 over this
-- random salt and the row's values. The salt stays here, so that the public entry names nobody
-- and a guess (a username and a time) cannot be confirmed against it, while whoever holds the
-- row can show that it is the one the log committed to. Rows written before have none.
alter table audit_security_event add column salt bytea;
