-- The field's name as intake's taxonomy had it at registration or the last update (issue 14): a field the office
-- added prints by its name, not its code. Rows projected before this column print the built-in names (or the code)
-- until a rebuild fills it.
alter table item add column field_name varchar(100);
alter table rebuild_item add column field_name varchar(100);

-- Every commitment (承诺事项) a sent reply promised, with its latest progress: the follow-up across years (回头看,
-- issue 16) lists last session's B-class items and their commitments, overdue ones flagged. Filled by replied
-- (the commitments of the reply's latest version) and commitment-progressed.
create table commitment (
    commitment_id bigint primary key,
    submission_id bigint not null,
    unit_id       bigint not null,
    promised_on   date,
    percent       int not null default 0,
    fulfilled     boolean not null default false,
    progressed_on date
);
create index commitment_submission on commitment (submission_id);
create table rebuild_commitment (like commitment including all);

do $$
begin
    if '${app_role}' <> current_user then
        execute format('grant select, insert, update, delete, truncate on commitment, rebuild_commitment to %I',
                '${app_role}');
    end if;
end;
$$;
