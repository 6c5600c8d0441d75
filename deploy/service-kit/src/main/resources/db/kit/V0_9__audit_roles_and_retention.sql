-- The audit log as MLPS level 3 asks for it: who did what, with what result and from which address; nobody
-- rewrites it (no UPDATE, DELETE or TRUNCATE, even by the service itself) and it is kept at least 180 days.

alter table audit_log add column result varchar(20) not null default 'SUCCESS';
alter table audit_log add column source_address varchar(100);
create index audit_log_at on audit_log (at);

-- Row triggers stop UPDATE and DELETE, a statement trigger TRUNCATE. The only deletion that passes is the purge
-- below, and only of rows older than 180 days: the trigger checks the age itself, whoever sets the flag.
create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('banli.audit_purge', true) = 'on' then
        if old.at < now() - interval '180 days' then
            return old;
        end if;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Retention: run by the owner role (deploy/kubernetes, audit-log-purge CronJob), never by the service.
create function audit_log_purge(older_than interval) returns bigint language plpgsql as $$
declare
    removed bigint;
begin
    if older_than is null or older_than < interval '180 days' then
        raise exception 'audit_log is kept at least 180 days; % is too short', older_than;
    end if;
    perform set_config('banli.audit_purge', 'on', true);
    delete from audit_log where at < now() - older_than;
    get diagnostics removed = row_count;
    perform set_config('banli.audit_purge', 'off', true);
    return removed;
end;
$$;
revoke all on function audit_log_purge(interval) from public;

-- Two roles: this migration runs as the owner (quarkus.flyway.username); the service runs as ${app_role}
-- (quarkus.datasource.username), which may read and write the service's tables, including those later migrations
-- create, but may only insert into and read the audit log, and creates nothing. Where both are the same role (a
-- deployment that has not split them yet) nothing is granted or revoked here. A missing app role stops the
-- migration (and the service) until it exists, rather than leaving it without grants for good.
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
    end if;
end;
$$;
revoke create on schema public from public;
