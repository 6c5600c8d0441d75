-- 重办: after an unsatisfied evaluation the unit handles the item again and replies within a month.
insert into deadline_rule (stage, kind, version, active, starts_on, amount, unit, extension_amount, extension_unit,
                           warning_working_days, legal_source, changed_at, changed_by)
values ('REHANDLING', null, 1, true, 'rehandling-started', 1, 'CALENDAR_MONTHS', null, null, '7,0',
        '代表、委员对答复不满意的，承办单位应当重新研究办理，并在1个月内再次答复（各地建议、提案办理办法的通行规定）',
        now(), 'system');
