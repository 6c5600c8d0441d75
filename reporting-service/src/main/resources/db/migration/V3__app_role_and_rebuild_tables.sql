-- Reporting runs as its app role like the other services (README, Security): it reads and writes the projection,
-- may only insert into and read audit_log, and creates nothing. A rebuild therefore no longer creates and renames
-- tables: it fills these twins, made here by the owner, and copies them over the live tables in one transaction.
-- A later migration that changes a projection table changes its rebuild_ twin the same way (same columns, same
-- order: the swap copies with select *).
drop table if exists rebuild_item, rebuild_unit_part, rebuild_evaluation, rebuild_inbox_event;
create table rebuild_item (like item including all);
create table rebuild_unit_part (like unit_part including all);
create table rebuild_evaluation (like evaluation including all);
create table rebuild_inbox_event (like inbox_event including all);

-- The kit's grants (V0_9) found the app role equal to the owner in a database that reporting ran as its owner;
-- they are given here, the same way and for every table, and TRUNCATE for the tables a rebuild empties.
do $$
begin
    if '${app_role}' <> current_user then
        if not exists (select 1 from pg_roles where rolname = '${app_role}') then
            raise exception 'the role % the service runs as does not exist yet (deploy/kubernetes README)', '${app_role}';
        end if;
        execute format('grant usage on schema public to %I', '${app_role}');
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${app_role}');
        execute format('grant usage, select on all sequences in schema public to %I', '${app_role}');
        execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I',
                '${app_role}');
        execute format('alter default privileges in schema public grant usage, select on sequences to %I', '${app_role}');
        execute format('revoke update, delete, truncate, references, trigger on audit_log from %I', '${app_role}');
        execute format('grant truncate on item, unit_part, evaluation, inbox_event, rebuild_item, rebuild_unit_part, '
                || 'rebuild_evaluation, rebuild_inbox_event to %I', '${app_role}');
    end if;
end;
$$;
revoke create on schema public from public;
