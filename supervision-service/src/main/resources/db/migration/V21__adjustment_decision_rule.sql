-- 调整审核: a unit's adjustment request (after a pre-assignment, or after a formal or direct assignment) waits
-- for the office's decision, which has its own deadline like an extension request's. Offices change it like
-- any other rule.
insert into deadline_rule (stage, kind, version, active, starts_on, amount, unit, extension_amount, extension_unit,
                           warning_working_days, legal_source, changed_at, changed_by)
values ('ADJUSTMENT_DECISION', null, 1, true, 'adjustment-requested', 5, 'WORKING_DAYS', null, null, '1',
        '承办单位申请调整的，交办机关应及时研究，作出调整或者维持原交办的决定（本系统默认：收到申请后5个工作日内作出决定）',
        now(), 'system');
