-- Statistics over a million items cost seconds when every figure scans the projection (issue 15). These tables
-- hold the figures added up ahead: per submission and per unit part its contribution (stat_item, stat_part: one row
-- each, as the views below compute it from the projection), and their sums by every dimension a filter names
-- (stat_item_sum, stat_part_sum). The writer replaces a submission's contribution in the transaction that applies
-- its event (statistics.Rollups); StatisticsQuery's scan stays as the from-scratch reference they are tested against.
-- What changes with the clock (open and past due) is kept by due day: a day before today is past due, a day after
-- is not, and only today's parts are read one by one. The live set and the rebuild set get the same tables.
do $migration$
declare
    p text;
begin
    foreach p in array array['', 'rebuild_'] loop
        execute format($sql$
            create index %1$sitem_merged_into on %1$sitem (merged_into) where merged_into is not null;
            -- The taxonomy's name of a field is its most recently registered item's: one index step per field.
            create index %1$sitem_field_name on %1$sitem (field, registered_at desc nulls last, submission_id desc)
                where field_name is not null;

            -- A counted submission's item figures: what it is counted under, its state (OPEN: a replying part is
            -- open, overdue once due_at has passed), how many items are merged into it, and its assigned parts.
            create view %1$sstat_item_fact as
            select i.submission_id, i.session_id, i.kind, i.level, i.field, i.key_item, i.year,
                   cast(i.registered_at at time zone 'Asia/Shanghai' as date) as reg_day,
                   coalesce(i.mode, 'UNASSIGNED') as mode,
                   case when i.proposer_kind = 'GROUP' or i.group_name is not null then 'GROUP'
                        else coalesce(i.proposer_kind, case when i.kind = 'SUGGESTION' then 'DEPUTY'
                                                            else 'CPPCC_MEMBER' end) end as proposer_kind,
                   coalesce(i.group_name, i.delegation, '未注明') as delegation,
                   case when i.key_item then coalesce(i.leading_official, '未指定领衔领导') end as leader,
                   cast(count(p.unit_id) filter (where d.assigned) as int) as units,
                   case when count(*) filter (where d.replying and d.assigned) > 0
                             and count(*) filter (where d.replying and d.assigned and p.replied_at is null) = 0
                        then 'REPLIED'
                        when count(*) filter (where d.replying and d.assigned and p.replied_at is null
                                              and p.overdue_at is not null) > 0 then 'OVERDUE'
                        when count(*) filter (where d.replying and d.assigned and p.replied_at is null) > 0
                        then 'OPEN'
                        when count(*) filter (where d.assigned) > 0 then 'ASSIGNED'
                        else 'REGISTERED' end as state,
                   min(d.due) filter (where d.replying and d.assigned and p.replied_at is null) as due_at,
                   (select count(*) from %1$sitem m where m.merged_into = i.submission_id) as merged,
                   coalesce(array_agg(p.unit_id order by p.unit_id) filter (where d.assigned), '{}') as unit_ids,
                   coalesce(array_agg(p.role order by p.unit_id) filter (where d.assigned), '{}') as roles
            from %1$sitem i
            left join %1$sunit_part p on p.submission_id = i.submission_id
            left join lateral (select coalesce(p.assigned_at is not null and not p.reassigned_away, false) as assigned,
                                      coalesce(p.role in ('SOLE', 'LEAD', 'SPLIT'), false) as replying,
                                      coalesce(p.reply_due_at, cast(p.extended_until + 1 as timestamp)
                                               at time zone 'Asia/Shanghai', p.assigned_at + interval '3 months') as due
                              ) d on true
            where i.registered_at is not null and i.refused_at is null and i.withdrawn_at is null
              and i.merged_into is null
            group by i.submission_id;

            create table %1$sstat_item (
                submission_id bigint primary key,
                session_id bigint, kind varchar(20), level varchar(20), field varchar(40), key_item boolean,
                year int, reg_day date, mode varchar(20), proposer_kind varchar(20), delegation varchar(200),
                leader varchar(100), units int, state varchar(20), due_at timestamptz, merged bigint,
                unit_ids bigint[], roles varchar[]
            );
            create index %1$sstat_item_today on %1$sstat_item (cast(due_at at time zone 'Asia/Shanghai' as date))
                where state = 'OPEN';

            -- Sums of stat_item by everything a filter names and every grouping the figures print. scope A: every
            -- counted item; R: items with a part in role; P: items with unit's part in role (a unit has one part
            -- per item, so a unit's items are the sum over its roles).
            create table %1$sstat_item_sum (
                session_id bigint, kind varchar(20), level varchar(20), field varchar(40), key_item boolean,
                year int, reg_day date, scope char(1) not null, unit_id bigint not null, role varchar(10) not null,
                mode varchar(20), proposer_kind varchar(20), delegation varchar(200), leader varchar(100), units int,
                state varchar(20), due_day date, n bigint not null, merged bigint not null,
                unique nulls not distinct (session_id, kind, level, field, key_item, year, reg_day, scope, unit_id,
                                           role, mode, proposer_kind, delegation, leader, units, state, due_day)
            );
            create index %1$sstat_item_sum_unit on %1$sstat_item_sum (unit_id, scope);

            -- A counted unit part's reply figures as 0/1 (or counts, days), REPLY_AGGREGATES' terms one by one.
            -- due_day and due_at only where the clock decides (open, or not submitted): open_n and unit_open_n
            -- are past due from the deadline on, and an open part's days are today minus due_day then; alt_days
            -- are its days while not past due (a first reply later than the deadline).
            create view %1$sstat_part_fact as
            select p.submission_id, p.unit_id, i.session_id, i.kind, i.level, i.field, i.key_item, i.year,
                   cast(i.registered_at at time zone 'Asia/Shanghai' as date) as reg_day, p.role, p.unit_name,
                   case when d.replying and (p.replied_at is null or d.submitted is null)
                        then cast(d.due at time zone 'Asia/Shanghai' as date) end as due_day,
                   case when d.replying and (p.replied_at is null or d.submitted is null) then d.due end as due_at,
                   1 as parts,
                   case when d.replying then 1 else 0 end as assigned,
                   case when d.replying and p.replied_at is not null then 1 else 0 end as replied,
                   case when d.replying and p.first_replied_at <= d.due then 1 else 0 end as on_time,
                   case when d.replying and p.replied_at is null then 1 else 0 end as open_n,
                   case when d.replying and p.first_replied_at > d.due then 1 else 0 end as late,
                   case when d.replying and p.replied_at is not null and p.first_replied_at > d.due
                        then d.late_days else 0 end as days_fixed,
                   case when d.replying and p.replied_at is not null and p.first_replied_at > d.due
                        then d.late_days end as max_fixed,
                   case when d.replying and p.replied_at is null and p.first_replied_at > d.due
                        then d.late_days else 0 end as alt_days,
                   case when d.replying and p.replied_at is null and p.first_replied_at > d.due
                        then d.late_days end as max_alt,
                   case when d.replying and p.replied_at is not null and p.result_class = 'A' then 1 else 0 end as class_a,
                   case when d.replying and p.replied_at is not null and p.result_class = 'B' then 1 else 0 end as class_b,
                   case when d.replying and p.replied_at is not null and p.result_class = 'C' then 1 else 0 end as class_c,
                   case when d.replying and p.replied_at is not null and p.result_class = 'D' then 1 else 0 end as class_d,
                   case when d.replying and p.replied_at is not null and p.contacted_before then 1 else 0 end as contacted,
                   case when d.replying and p.replied_at is not null and p.met_face_to_face then 1 else 0 end as met,
                   case when d.replying and p.replied_at is not null and ev.rating = 'SATISFIED' then 1 else 0 end
                       as satisfied,
                   case when d.replying and p.replied_at is not null and ev.rating = 'BASICALLY_SATISFIED' then 1
                        else 0 end as basic,
                   case when d.replying and p.replied_at is not null and ev.rating = 'UNSATISFIED' then 1 else 0 end
                       as unsatisfied,
                   case when d.replying and p.rehandling_count > 0 then 1 else 0 end as rehandled,
                   case when d.replying then p.returned_count else 0 end as returned,
                   case when d.replying and p.holding_answer then 1 else 0 end as holding,
                   case when d.replying then p.extensions_requested else 0 end as ext_requested,
                   case when d.replying then p.extensions_approved else 0 end as ext_approved,
                   case when p.role in ('SOLE', 'LEAD') then 1 else 0 end as lead,
                   case when p.role = 'CO' then 1 else 0 end as co,
                   case when p.role = 'SPLIT' then 1 else 0 end as split,
                   case when d.replying and d.submitted is not null then 1 else 0 end as submitted,
                   case when d.replying and d.submitted <= d.due then 1 else 0 end as unit_on_time,
                   case when d.replying and d.submitted is null then 1 else 0 end as unit_open_n,
                   case when d.replying and p.replied_at is not null then er.satisfied else 0 end as every_satisfied,
                   case when d.replying and p.replied_at is not null then er.basic else 0 end as every_basic,
                   case when d.replying and p.replied_at is not null then er.unsatisfied else 0 end as every_unsatisfied
            from %1$sunit_part p
            join %1$sitem i on i.submission_id = p.submission_id
            cross join lateral (select p.role in ('SOLE', 'LEAD', 'SPLIT') as replying, x.due,
                                       coalesce(p.submitted_at, p.first_replied_at) as submitted,
                                       cast(p.first_replied_at at time zone 'Asia/Shanghai' as date)
                                       - cast(x.due at time zone 'Asia/Shanghai' as date) as late_days
                                from (select coalesce(p.reply_due_at, cast(p.extended_until + 1 as timestamp)
                                             at time zone 'Asia/Shanghai', p.assigned_at + interval '3 months') as due) x
                               ) d
            -- the lead proposer's rating of the latest round they rated (the lowest of the latest round where the
            -- lead proposer is not known), as StatisticsQuery.RATINGS
            left join lateral (select e.rating from %1$sevaluation e
                               where e.submission_id = p.submission_id and e.unit_id = p.unit_id
                                 and (e.member_id = i.proposer_id or i.proposer_id is null)
                               order by e.round desc, case e.rating when 'UNSATISFIED' then 0
                                        when 'BASICALLY_SATISFIED' then 1 else 2 end
                               limit 1) ev on true
            cross join lateral (select count(*) filter (where e.rating = 'SATISFIED') as satisfied,
                                       count(*) filter (where e.rating = 'BASICALLY_SATISFIED') as basic,
                                       count(*) filter (where e.rating = 'UNSATISFIED') as unsatisfied
                                from %1$sevaluation e
                                where e.submission_id = p.submission_id and e.unit_id = p.unit_id
                                  and e.round = (select max(l.round) from %1$sevaluation l
                                                 where l.submission_id = p.submission_id and l.unit_id = p.unit_id)
                               ) er
            where i.registered_at is not null and i.refused_at is null and i.withdrawn_at is null
              and i.merged_into is null and p.assigned_at is not null and not p.reassigned_away;

            create table %1$sstat_part as select * from %1$sstat_part_fact with no data;
            alter table %1$sstat_part add primary key (submission_id, unit_id);
            -- The late parts of one sum row, where its maxima are read again (from the index alone).
            create index %1$sstat_part_late on %1$sstat_part (unit_id, session_id, field, reg_day, kind, key_item, role)
                include (level, year, unit_name, due_day, max_fixed, max_alt)
                where max_fixed is not null or max_alt is not null;
            create index %1$sstat_part_today on %1$sstat_part (due_day) where due_day is not null;

            -- Sums of stat_part by every filter's dimension, the unit (and its name as the parts carry it) and due
            -- day. A maximum cannot be taken back by subtraction: a row whose parts left is marked stale and its
            -- maxima read again from its parts in the same transaction.
            create table %1$sstat_part_sum as
            select session_id, kind, level, field, key_item, year, reg_day, unit_id, role, unit_name, due_day,
                   cast(parts as bigint) parts, cast(assigned as bigint) assigned, cast(replied as bigint) replied,
                   cast(on_time as bigint) on_time, cast(open_n as bigint) open_n, cast(late as bigint) late,
                   cast(days_fixed as bigint) days_fixed, max_fixed, cast(alt_days as bigint) alt_days, max_alt,
                   cast(class_a as bigint) class_a, cast(class_b as bigint) class_b, cast(class_c as bigint) class_c,
                   cast(class_d as bigint) class_d, cast(contacted as bigint) contacted, cast(met as bigint) met,
                   cast(satisfied as bigint) satisfied, cast(basic as bigint) basic,
                   cast(unsatisfied as bigint) unsatisfied, cast(rehandled as bigint) rehandled,
                   cast(returned as bigint) returned, cast(holding as bigint) holding,
                   cast(ext_requested as bigint) ext_requested, cast(ext_approved as bigint) ext_approved,
                   cast(lead as bigint) lead, cast(co as bigint) co, cast(split as bigint) split,
                   cast(submitted as bigint) submitted, cast(unit_on_time as bigint) unit_on_time,
                   cast(unit_open_n as bigint) unit_open_n, cast(every_satisfied as bigint) every_satisfied,
                   cast(every_basic as bigint) every_basic, cast(every_unsatisfied as bigint) every_unsatisfied,
                   false as stale
            from %1$sstat_part with no data;
            alter table %1$sstat_part_sum add unique nulls not distinct (session_id, kind, level, field, key_item,
                year, reg_day, unit_id, role, unit_name, due_day);
            create index %1$sstat_part_sum_unit on %1$sstat_part_sum (unit_id);
            create index %1$sstat_part_sum_stale on %1$sstat_part_sum (unit_id) where stale;
        $sql$, p);
    end loop;
end;
$migration$;

-- Fills one set's contributions and sums from its projection: after this migration (rows projected before it), and
-- wherever rows are written by SQL rather than by the writer (the reporting benchmark). Prefix '' or 'rebuild_'.
create function stat_rollups_refill(prefix text) returns void language plpgsql as $fn$
begin
    if prefix not in ('', 'rebuild_') then
        raise exception 'no table set %', prefix;
    end if;
    execute format('truncate %1$sstat_item, %1$sstat_item_sum, %1$sstat_part, %1$sstat_part_sum', prefix);
    execute format('insert into %1$sstat_item select * from %1$sstat_item_fact', prefix);
    execute format('insert into %1$sstat_part select * from %1$sstat_part_fact', prefix);
    execute format($sql$
        insert into %1$sstat_item_sum
        select session_id, kind, level, field, key_item, year, reg_day, x.scope, x.unit_id, x.role, mode,
               proposer_kind, delegation, leader, units, state,
               case when state = 'OPEN' then cast(due_at at time zone 'Asia/Shanghai' as date) end, count(*),
               sum(merged)
        from %1$sstat_item s
        cross join lateral (select 'A', cast(0 as bigint), cast('' as varchar)
                            union all select 'P', u, r from unnest(s.unit_ids, s.roles) as q(u, r)
                            union all select distinct 'R', cast(0 as bigint), r from unnest(s.roles) as q(r)
                           ) x(scope, unit_id, role)
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17$sql$, prefix);
    execute format($sql$
        insert into %1$sstat_part_sum
        select session_id, kind, level, field, key_item, year, reg_day, unit_id, role, unit_name, due_day,
               sum(parts), sum(assigned), sum(replied), sum(on_time), sum(open_n), sum(late), sum(days_fixed),
               max(max_fixed), sum(alt_days), max(max_alt), sum(class_a), sum(class_b), sum(class_c), sum(class_d),
               sum(contacted), sum(met), sum(satisfied), sum(basic), sum(unsatisfied), sum(rehandled), sum(returned),
               sum(holding), sum(ext_requested), sum(ext_approved), sum(lead), sum(co), sum(split), sum(submitted),
               sum(unit_on_time), sum(unit_open_n), sum(every_satisfied), sum(every_basic), sum(every_unsatisfied),
               false
        from %1$sstat_part
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11$sql$, prefix);
end;
$fn$;

select stat_rollups_refill('');

do $$
begin
    if '${app_role}' <> current_user then
        execute format('grant truncate on stat_item, stat_item_sum, stat_part, stat_part_sum, rebuild_stat_item, '
                || 'rebuild_stat_item_sum, rebuild_stat_part, rebuild_stat_part_sum to %I', '${app_role}');
    end if;
end;
$$;
