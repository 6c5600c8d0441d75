-- Rules may differ by level (national, province, city, county, township) as well as by kind: a
-- county's own measures replace the general ones for the county's items. The most specific active
-- rule applies; a null kind or level matches every item.
alter table deadline_rule add column level varchar(20)
    check (level in ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'));
drop index deadline_rule_active;
create unique index deadline_rule_active on deadline_rule (stage, coalesce(kind, ''), coalesce(level, '')) where active;

-- A deadline records the level of its item (from the assignment's events; null when not given).
alter table deadline add column level varchar(20);
-- A commitment's deadline names the commitment; yearly progress (B class) and later rounds (evaluation
-- after a second reply, a second extension request) are further cycles of the same stage.
alter table deadline add column commitment_id bigint;
alter table deadline add column cycle int not null default 1;
-- A last day given by an event instead of counted by the rule: a commitment's promised date, or the
-- date an approved extension runs to (never beyond the rule's extended end).
alter table deadline add column fixed_last_day date;
alter table deadline drop constraint deadline_assignment_id_stage_key;
create unique index deadline_per_stage on deadline (assignment_id, stage, coalesce(commitment_id, 0), cycle);
-- The leader's view: the key items a leading official leads.
create index deadline_leading_official on deadline (leading_official) where key_item;

-- Defaults of the remaining stages (domain.md, "Deadlines"); offices change them like any other rule.
insert into deadline_rule (stage, kind, version, active, starts_on, amount, unit, extension_amount, extension_unit,
                           warning_working_days, legal_source, changed_at, changed_by) values
    ('ADJUSTMENT_REQUEST', null, 1, true, 'pre-assigned', 5, 'WORKING_DAYS', null, null, '',
     '承办单位认为交办件不属于本单位职责范围的，应在交办之日起5个工作日内说明理由，申请调整；逾期未申请的视为同意交办'
         || '（各地建议、提案办理办法的通行规定）', now(), 'system'),
    ('EXTENSION', null, 1, true, 'extension-requested', 5, 'WORKING_DAYS', null, null, '1',
     '承办单位申请延期答复的，交办机关应及时审核决定（本系统默认：收到申请后5个工作日内作出决定）', now(), 'system'),
    ('EVALUATION', null, 1, true, 'replied', 1, 'CALENDAR_MONTHS', null, null, '',
     '代表、委员收到答复后填写征询意见表反馈办理评价（本系统默认：答复后1个月内；逾期评价窗口关闭，不作逾期处理）',
     now(), 'system'),
    ('COMMITMENT', null, 1, true, 'replied', 12, 'CALENDAR_MONTHS', null, null, '7,0',
     '答复中承诺的事项按承诺日期跟踪落实；B类（正在解决或列入计划逐步解决）的建议、提案跨年度跟踪，每年报告一次进展，'
         || '直至解决', now(), 'system');
