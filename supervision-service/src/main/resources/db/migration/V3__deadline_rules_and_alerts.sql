-- Deadline rules are data: which event starts a stage, how long it runs, in which unit, whether it
-- can be extended, when to warn, and the legal text it comes from. A change makes a new version
-- and deactivates the old one; deadlines remember the version they were computed with.
create table deadline_rule (
    id                   bigint generated always as identity primary key,
    stage                varchar(30)  not null,
    kind                 varchar(20),           -- null: both suggestions and proposals
    version              int          not null,
    active               boolean      not null,
    starts_on            varchar(60)  not null, -- the event that starts the clock
    amount               int          not null check (amount > 0),
    unit                 varchar(20)  not null check (unit in ('WORKING_DAYS', 'CALENDAR_DAYS', 'CALENDAR_MONTHS')),
    extension_amount     int check (extension_amount > 0),
    extension_unit       varchar(20) check (extension_unit in ('WORKING_DAYS', 'CALENDAR_DAYS', 'CALENDAR_MONTHS')),
    warning_working_days varchar(50)  not null, -- e.g. '7,0': 7 working days before, and on the day
    legal_source         text         not null,
    changed_at           timestamptz  not null,
    changed_by           varchar(200) not null
);
create unique index deadline_rule_active on deadline_rule (stage, coalesce(kind, '')) where active;

insert into deadline_rule (stage, kind, version, active, starts_on, amount, unit, extension_amount, extension_unit,
                           warning_working_days, legal_source, changed_at, changed_by) values
    ('SIGN_FOR', null, 1, true, 'assigned', 3, 'WORKING_DAYS', null, null, '1',
     '交办后3个工作日内签收（各地建议、提案办理办法的通行规定）', now(), 'system'),
    ('CO_OPINION', null, 1, true, 'assigned', 1, 'CALENDAR_MONTHS', null, null, '7,0',
     '会办单位应在交办之日起1个月内将会办意见送主办单位', now(), 'system'),
    ('REPLY', null, 1, true, 'assigned', 3, 'CALENDAR_MONTHS', 3, 'CALENDAR_MONTHS', '7,0',
     '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》及代表建议办理办法：自交办之日起3个月内答复，'
         || '情况复杂的经同意可延期，最长不超过6个月；政协提案办理办法同此', now(), 'system');

-- What a deadline was computed with, and whether a year without calendar made it provisional.
alter table deadline add column rule_id bigint references deadline_rule (id);
alter table deadline add column provisional boolean not null default false;
alter table deadline add column kind varchar(20);
alter table deadline add column extended boolean not null default false;

-- Alerts to raise: warnings (yellow, N working days before) and the overdue alert (red). Each is
-- raised once: fired_at is set in the transaction that writes its event.
create table deadline_alert (
    id          bigint generated always as identity primary key,
    deadline_id bigint      not null references deadline (id),
    level       varchar(20) not null,   -- YELLOW-7, YELLOW-0, RED
    fire_at     timestamptz not null,
    fired_at    timestamptz,
    unique (deadline_id, level)
);
-- The sweep only ever looks at alerts still to raise, soonest first.
create index deadline_alert_pending on deadline_alert (fire_at) where fired_at is null;

drop index deadline_open_due;

-- Deadlines opened before alerts existed still get their overdue alert.
insert into deadline_alert (deadline_id, level, fire_at)
select id, 'RED', due_at from deadline where state = 'OPEN';
