-- Every call of a platform client to intake, for the office and the auditor; forgotten after 90 days.
-- The path is the operation's template, so the log does not collect ids of other rows.
create table platform_call (
    id         bigint generated always as identity primary key,
    client_id  text        not null,
    member_id  bigint,
    method     text        not null,
    path       text        not null,
    status     integer     not null,
    at         timestamptz not null
);
create index platform_call_by_client on platform_call (client_id, at desc);
-- The nightly purge deletes by age alone.
create index platform_call_by_age on platform_call (at);
