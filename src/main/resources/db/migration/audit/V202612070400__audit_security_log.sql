-- The security log (issue 25): logins, refused accesses, staff views of cases and personal
-- data, key use and configuration changes. Append-only like the exchange ledger: only a
-- superuser who disables the trigger can change or remove a row.
create table audit_security_event
(
    id      bigserial primary key,
    at      timestamptz not null,
    kind    text        not null,
    actor   text        not null,
    subject text,
    detail  text
);
-- supervisors search by person (actor or subject), kind and time, newest first
create index audit_security_event_actor on audit_security_event (actor, id desc);
create index audit_security_event_subject on audit_security_event (subject, id desc);
create index audit_security_event_kind on audit_security_event (kind, id desc);
create index audit_security_event_at on audit_security_event (at);

create function audit_security_event_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the security log is append-only: % is not allowed on %', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_security_event_append_only
    before update or delete on audit_security_event
    for each row execute function audit_security_event_append_only();
create trigger audit_security_event_no_truncate
    before truncate on audit_security_event
    for each statement execute function audit_security_event_append_only();
revoke update, delete, truncate on audit_security_event from public;
