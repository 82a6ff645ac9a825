-- Two roles (issue 26, docs/deployment.md): the owner runs these migrations and owns every
-- table; the application's role ${appRole} reads and writes rows and nothing more. It is
-- not the owner, so it cannot drop a table, disable a trigger or grant itself more. The
-- modules' own migrations then take back what their append-only tables must not allow.
-- When one user does both (an external server without an owner role) there is nothing to
-- grant.
do $$
begin
    if '${appRole}' <> current_user then
        execute 'grant usage on schema public to ${appRole}';
        execute 'grant select, insert, update, delete on all tables in schema public to ${appRole}';
        execute 'grant usage, select, update on all sequences in schema public to ${appRole}';
        execute 'grant execute on all functions in schema public to ${appRole}';
        -- and the same on whatever the later migrations create
        execute 'alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole}';
        execute 'alter default privileges in schema public grant usage, select, update on sequences to ${appRole}';
        execute 'alter default privileges in schema public grant execute on functions to ${appRole}';
    end if;
end
$$;
