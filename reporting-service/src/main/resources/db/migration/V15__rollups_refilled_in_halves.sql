-- The refill (V13) in two halves that read and write different tables: the items' contributions and sums, and the
-- units' parts' contributions and sums. A rebuild runs them on two connections at once (an insert ... select runs
-- on one core); stat_rollups_refill runs both, one after the other, for everyone else.
create function stat_item_refill(prefix text) returns void language plpgsql as $fn$
begin
    if prefix not in ('', 'rebuild_') then
        raise exception 'no table set %', prefix;
    end if;
    execute format('truncate %1$sstat_item, %1$sstat_item_sum', prefix);
    execute format('insert into %1$sstat_item select * from %1$sstat_item_fact', prefix);
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
end;
$fn$;

create function stat_part_refill(prefix text) returns void language plpgsql as $fn$
begin
    if prefix not in ('', 'rebuild_') then
        raise exception 'no table set %', prefix;
    end if;
    execute format('truncate %1$sstat_part, %1$sstat_part_sum', prefix);
    execute format('insert into %1$sstat_part select * from %1$sstat_part_fact', prefix);
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

create or replace function stat_rollups_refill(prefix text) returns void language plpgsql as $fn$
begin
    perform stat_item_refill(prefix);
    perform stat_part_refill(prefix);
end;
$fn$;
