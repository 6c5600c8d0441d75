-- A session (会议) numbers its submissions itself: 第1号, 第2号 … restart per session.
create table session (
    id          bigint generated always as identity primary key,
    kind        varchar(20)  not null check (kind in ('PEOPLES_CONGRESS', 'CPPCC')),
    level       varchar(20)  not null check (level in ('NATIONAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
    name        varchar(100) not null unique,
    year        int          not null,
    next_number int          not null default 1
);

-- A deputy (代表) or CPPCC member (委员). The phone number is personal information.
create table member (
    id         bigint generated always as identity primary key,
    kind       varchar(20)  not null check (kind in ('DEPUTY', 'CPPCC_MEMBER')),
    name       varchar(50)  not null,
    delegation varchar(100) not null,
    phone      varchar(30)
);

create table submission (
    id               bigint generated always as identity primary key,
    session_id       bigint       not null references session (id),
    number           int          not null,
    kind             varchar(20)  not null check (kind in ('SUGGESTION', 'PROPOSAL')),
    title            varchar(200) not null,
    body             text         not null,
    field            varchar(40)  not null,
    lead_proposer_id bigint       not null references member (id),
    state            varchar(20)  not null,
    registered_at    timestamptz  not null,
    registered_by    varchar(200) not null,
    version          bigint       not null default 0,
    unique (session_id, number)
);
create index submission_lead_proposer on submission (lead_proposer_id);
