-- The application's role may only add to the log: entries, checkpoints and cosignatures
-- are INSERT and SELECT only. The sequencer's own state may change but only grow: a tile
-- only by hashes appended to it (a partial tile is a prefix of the full one), the tree's
-- row only to a larger size. Triggers hold for everyone but a superuser who disables them,
-- which the application's role cannot, not being the owner.
create function transparency_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the transparency log is append-only: % is not allowed on %', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger transparency_entry_append_only
    before update or delete on transparency_entry
    for each row execute function transparency_append_only();
create trigger transparency_entry_no_truncate
    before truncate on transparency_entry
    for each statement execute function transparency_append_only();
create trigger transparency_checkpoint_append_only
    before update or delete on transparency_checkpoint
    for each row execute function transparency_append_only();
create trigger transparency_checkpoint_no_truncate
    before truncate on transparency_checkpoint
    for each statement execute function transparency_append_only();
create trigger transparency_cosignature_append_only
    before update or delete on transparency_cosignature
    for each row execute function transparency_append_only();

create function transparency_tile_grows() returns trigger language plpgsql as
$$
begin
    if new.level <> old.level or new.idx <> old.idx or length(new.hashes) < length(old.hashes)
        or substring(new.hashes from 1 for length(old.hashes)) <> old.hashes then
        raise exception 'a tile of the transparency log may only grow: tile %/% was rewritten', old.level, old.idx
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger transparency_tile_grows
    before update on transparency_tile
    for each row execute function transparency_tile_grows();
create trigger transparency_tile_append_only
    before delete on transparency_tile
    for each row execute function transparency_append_only();
create trigger transparency_tile_no_truncate
    before truncate on transparency_tile
    for each statement execute function transparency_append_only();

create function transparency_tree_grows() returns trigger language plpgsql as
$$
begin
    if new.size < old.size or (new.size = old.size and new.root <> old.root) then
        raise exception 'the transparency log''s tree may only grow: % entries cannot become %', old.size, new.size
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger transparency_tree_grows
    before update on transparency_tree
    for each row execute function transparency_tree_grows();
create trigger transparency_tree_append_only
    before delete on transparency_tree
    for each row execute function transparency_append_only();

do $$
begin
    if '${appRole}' <> current_user then
        execute 'revoke update, delete, truncate on transparency_entry, transparency_checkpoint, '
            || 'transparency_cosignature from ${appRole}';
        execute 'revoke delete, truncate on transparency_tile, transparency_tree from ${appRole}';
        -- a pending entry is written and, by the sequencer, moved into the tree: never changed
        execute 'revoke update, truncate on transparency_pending from ${appRole}';
    end if;
end
$$;
