-- One deadline per unit and stage. The clock starts at the formal assignment.
create table deadline (
    id             bigint generated always as identity primary key,
    submission_id  bigint      not null,
    assignment_id  bigint      not null,
    unit_id        bigint      not null,
    stage          varchar(30) not null,
    starts_at      timestamptz not null,
    due_at         timestamptz not null,
    state          varchar(20) not null,
    met_at         timestamptz,
    met_on_time    boolean,
    overdue_at     timestamptz,
    version        bigint      not null default 0,
    unique (assignment_id, stage)
);
-- The sweep asks "which open deadlines are past due?": this index holds only open ones, ordered by
-- due date, so the question costs an index probe however many deadlines were ever created.
create index deadline_open_due on deadline (due_at) where state = 'OPEN';
create index deadline_submission on deadline (submission_id);
