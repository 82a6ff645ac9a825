-- Every switch of a policy on or off, by whom and when. benefits_policy_state keeps only the
-- latest switch; a policy grants money, so each one is kept here as well, append-only.
create table benefits_policy_switch (
	id bigint generated always as identity primary key,
	policy text not null,
	active boolean not null,
	switched_by text not null,
	switched_at timestamptz not null
);
create index benefits_policy_switch_policy on benefits_policy_switch (policy, switched_at);

create function benefits_policy_switch_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the policy switch log is append-only: % is not allowed on %', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger benefits_policy_switch_append_only
    before update or delete on benefits_policy_switch
    for each row execute function benefits_policy_switch_append_only();
create trigger benefits_policy_switch_no_truncate
    before truncate on benefits_policy_switch
    for each statement execute function benefits_policy_switch_append_only();
revoke update, delete, truncate on benefits_policy_switch from public;
