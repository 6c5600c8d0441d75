-- assignment-service's own copy of what it needs from intake's registered event.
create table handled_submission (
    id            bigint primary key,          -- intake's submission id
    session_id    bigint       not null,
    number        int          not null,
    kind          varchar(20)  not null,
    title         varchar(200) not null,
    field         varchar(40)  not null,
    lead_proposer varchar(50)  not null,
    registered_at timestamptz  not null
);

-- 承办单位: a bureau, commission or district government.
create table unit (
    id     bigint generated always as identity primary key,
    name   varchar(100) not null unique,
    kind   varchar(30)  not null,
    active boolean      not null default true
);

-- One row per unit an item is assigned to; the role says what that unit must deliver.
create table assignment (
    id            bigint generated always as identity primary key,
    submission_id bigint       not null references handled_submission (id),
    unit_id       bigint       not null references unit (id),
    mode          varchar(10)  not null,
    role          varchar(10)  not null,
    state         varchar(20)  not null,
    assigned_at   timestamptz  not null,
    assigned_by   varchar(200) not null,
    version       bigint       not null default 0,
    unique (submission_id, unit_id)
);
create index assignment_unit on assignment (unit_id);

-- A reply version is never overwritten; its fingerprint proves its content.
create table reply (
    id            bigint generated always as identity primary key,
    submission_id bigint       not null references handled_submission (id),
    unit_id       bigint       not null references unit (id),
    text          text         not null,
    result_class  char(1)      not null check (result_class in ('A', 'B', 'C', 'D')),
    fingerprint   char(64)     not null,
    submitted_at  timestamptz  not null,
    submitted_by  varchar(200) not null
);
create index reply_submission on reply (submission_id);
