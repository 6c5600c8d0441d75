-- Who to remind at a unit: its liaison officer (联络员) and its head (负责人). Personal information:
-- shown only to the office, masked in the delivery log, never in events.
create table unit_contact (
    unit_id bigint       not null,
    role    varchar(10)  not null check (role in ('LIAISON', 'HEAD')),
    name    varchar(50)  not null,
    phone   varchar(30),
    email   varchar(200),
    primary key (unit_id, role)
);

-- One reminder per alert, recipient and channel, with its delivery record.
create table reminder (
    id              bigint generated always as identity primary key,
    deadline_id     bigint       not null references deadline (id),
    submission_id   bigint       not null,
    unit_id         bigint       not null,
    level           varchar(20)  not null,
    recipient       varchar(10)  not null,   -- LIAISON, HEAD, or PLATFORM for the webhook
    channel         varchar(10)  not null check (channel in ('EMAIL', 'SMS', 'WEBHOOK')),
    address         varchar(500) not null,
    message         text         not null,
    state           varchar(10)  not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz  not null
);
create index reminder_pending on reminder (next_attempt_at) where state = 'PENDING';
create index reminder_submission on reminder (submission_id);
