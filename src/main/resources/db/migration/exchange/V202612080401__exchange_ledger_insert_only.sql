-- The application's role may add to the access ledger and read it, never change or remove
-- an entry or a checkpoint (its trigger already refuses everyone; the role cannot disable
-- it, not being the owner).
do $$
begin
    if '${appRole}' <> current_user then
        execute 'revoke update, delete, truncate on exchange_ledger, exchange_ledger_checkpoint from ${appRole}';
    end if;
end
$$;
