-- One trigger function keeps every append-only table so: the access ledger, the security
-- log, the benefits' policy switches and the transparency log each had a copy of their own.
-- It is owned by the owner role, which runs the migrations; the application's role cannot
-- disable the triggers that call it, not owning their tables. Each trigger names what it
-- keeps as its argument, so the refusal reads as it did.
create function platform_append_only() returns trigger language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed on %', tg_argv[0], tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

-- The same triggers, by the same names (a superuser's restore drill disables them by name),
-- on the same events, now call it. Nothing a node of the previous release runs names these
-- functions, so they go in the same migration (ADR 16: no code reads them any more).
do $$
declare
    kept record;
begin
    for kept in
        select pg_get_triggerdef(t.oid) as definition, f.proname as copy_name, copies.what
        from pg_trigger t
        join pg_proc f on f.oid = t.tgfoid
        join (values ('exchange_ledger_append_only', 'the access ledger'),
                     ('audit_security_event_append_only', 'the security log'),
                     ('benefits_policy_switch_append_only', 'the policy switch log'),
                     ('transparency_append_only', 'the transparency log')) as copies (copy_name, what)
            on copies.copy_name = f.proname
        where not t.tgisinternal
    loop
        -- the trigger's own name never stands with "()" after it, its function's does
        execute replace(replace(kept.definition, 'CREATE TRIGGER', 'CREATE OR REPLACE TRIGGER'),
                        kept.copy_name || '()', format('platform_append_only(%L)', kept.what));
    end loop;
end
$$;

-- fails while any trigger still calls one of them
drop function exchange_ledger_append_only(), audit_security_event_append_only(),
    benefits_policy_switch_append_only(), transparency_append_only();
