-- 超期说明: a unit past a deadline explains in writing why. One per deadline; never rewritten.
create table overdue_explanation (
    id          bigint generated always as identity primary key,
    deadline_id bigint       not null unique references deadline (id),
    text        text         not null,
    filed_at    timestamptz  not null,
    filed_by    varchar(200) not null
);

-- 督办: what the office did to move an item or a unit along (calls, written notices, interviews).
create table supervision_action (
    id            bigint generated always as identity primary key,
    submission_id bigint,
    unit_id       bigint,
    kind          varchar(30)  not null,
    note          text         not null,
    taken_on      date         not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(200) not null,
    check (submission_id is not null or unit_id is not null)
);
create index supervision_action_submission on supervision_action (submission_id);
create index supervision_action_unit on supervision_action (unit_id);

-- Notices name units: keep the name the assignment gave.
alter table deadline add column unit_name varchar(100);

-- 通报: a notice for a period naming overdue units and items, with the units' on-time ranking.
create table notice (
    id          bigint generated always as identity primary key,
    period_from date         not null,
    period_to   date         not null,
    title       varchar(200) not null,
    issued_at   timestamptz  not null,
    issued_by   varchar(200) not null,
    content     text         not null
);
