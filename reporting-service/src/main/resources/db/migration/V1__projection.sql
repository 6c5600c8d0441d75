-- The facts reporting knows about each submission, from intake's registered event.
create table submission_fact (
    submission_id bigint primary key,
    session_id    bigint      not null,
    kind          varchar(20) not null,
    field         varchar(40) not null,
    registered_at timestamptz not null
);
create index submission_fact_session on submission_fact (session_id);

-- The facts about each unit's part. Columns are filled by whichever event arrives first; an alert
-- may overtake the assignment it is about, since they travel on different topics.
create table unit_fact (
    submission_id bigint not null,
    unit_id       bigint not null,
    role          varchar(10),
    assigned_at   timestamptz,
    replied_at    timestamptz,
    result_class  char(1),
    overdue_at    timestamptz,
    primary key (submission_id, unit_id)
);
