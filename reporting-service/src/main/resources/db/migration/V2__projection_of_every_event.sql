-- The projection grows from two columns of counts to every fact the statistics of domain.md need.
-- The old tables are replaced rather than altered: the projection is rebuildable from the topics
-- (POST /api/v1/projection/rebuild), which is how an upgraded service refills it.
drop table unit_fact;
drop table submission_fact;
delete from inbox_event;

-- One row per submission. Every column is nullable: an assignment or alert may arrive before the
-- registration it follows (other topic), and each event fills only what it carries.
create table item (
    submission_id    bigint primary key,
    session_id       bigint,
    session_name     varchar(200),
    session_kind     varchar(20),
    level            varchar(20),
    year             int,
    number           int,
    kind             varchar(20),
    title            varchar(500),
    field            varchar(40),
    proposer_name    varchar(100),
    delegation       varchar(200),
    group_name       varchar(200),
    key_item         boolean not null default false,
    leading_official varchar(100),
    confidential     boolean not null default false,
    mode             varchar(10),
    filed_at         timestamptz,
    registered_at    timestamptz,
    refused_at       timestamptz,
    withdrawn_at     timestamptz,
    merged_into      bigint,
    closed_at        timestamptz,
    close_outcome    varchar(30),
    follow_up        boolean not null default false
);
create index item_session on item (session_id);
create index item_year on item (year);

-- One row per unit taking part in a submission (sole, lead, co or split unit). A SPLIT item has one
-- replying part per unit, which is why reply figures count parts, not items.
create table unit_part (
    submission_id        bigint not null,
    unit_id              bigint not null,
    unit_name            varchar(200),
    assignment_id        bigint,
    mode                 varchar(10),
    role                 varchar(10),
    assigned_at          timestamptz,
    reassigned_away      boolean not null default false,
    signed_at            timestamptz,
    opinion_sent_at      timestamptz,
    first_submitted_at   timestamptz,
    replied_at           timestamptz,
    first_replied_at     timestamptz,
    result_class         char(1),
    reply_round          int,
    disclosure           varchar(20),
    returned_count       int not null default 0,
    rehandling_count     int not null default 0,
    holding_answer       boolean not null default false,
    extensions_requested int not null default 0,
    extensions_approved  int not null default 0,
    extended_until       date,
    reply_due_at         timestamptz,
    overdue_at           timestamptz,
    contacted_before     boolean not null default false,
    met_face_to_face     boolean not null default false,
    primary key (submission_id, unit_id)
);
create index unit_part_unit on unit_part (unit_id);

-- One row per rating: each evaluating member rates each round of a unit's reply.
create table evaluation (
    submission_id bigint not null,
    unit_id       bigint not null,
    round         int    not null,
    member_id     bigint not null,
    rating        varchar(30) not null,
    evaluated_at  timestamptz not null,
    primary key (submission_id, unit_id, round, member_id)
);

-- Progress of the last rebuild (replay of the topics into a fresh projection); one row per run.
create table rebuild_run (
    id           bigserial primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    state        varchar(20) not null,
    total        bigint not null default 0,
    applied      bigint not null default 0,
    matches_live boolean,
    detail       text
);
