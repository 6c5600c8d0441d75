-- Webhook subscriptions of registered platform clients. The secret signs every delivery, so it is kept as
-- given (a hash could not sign); the previous one also signs until the end of a rotation's grace.
create table webhook_subscription (
    id                          bigint generated always as identity primary key,
    client_id                   text        not null references platform_client (client_id),
    callback_url                text        not null,
    event_types                 text[]      not null,
    member_ids                  bigint[]    not null default '{}',
    unit_ids                    bigint[]    not null default '{}',
    secret                      text        not null,
    previous_secret             text,
    previous_secret_valid_until timestamptz,
    state                       text        not null check (state in ('ACTIVE', 'PAUSED', 'STOPPED')),
    -- The failure budget: failures in a row and since when; a success resets both.
    consecutive_failures        int         not null default 0,
    failing_since               timestamptz,
    paused_at                   timestamptz,
    created_at                  timestamptz not null,
    stopped_at                  timestamptz,
    version                     bigint      not null default 0
);
create index webhook_subscription_client on webhook_subscription (client_id);

-- One row per event and subscription: the unique key makes a redelivered Kafka event yield no second delivery.
create table webhook_delivery (
    id               bigint generated always as identity primary key,
    subscription_id  bigint      not null references webhook_subscription (id),
    event_id         text        not null,
    event_type       text        not null,
    event_source     text        not null,
    event_time       timestamptz not null,
    submission_id    bigint,
    body             text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz not null,
    last_status_code int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (subscription_id, event_id)
);
-- The dispatcher reads only what is still to send.
create index webhook_delivery_pending on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (subscription_id, submission_id, id) where status = 'PENDING';

-- A member's progress: intake's own tables plus this projection of assignment's and supervision's events.
-- Events arrive in any order across topics, so every row carries what lets a handler refuse to go backwards.
create table progress_handling (
    submission_id bigint primary key,
    stage         text        not null,
    stage_rank    int         not null,
    changed_at    timestamptz not null
);

create table progress_unit (
    submission_id bigint      not null,
    unit_id       bigint      not null,
    assignment_id bigint,
    unit_name     text,
    role          text,
    assigned_at   timestamptz,
    signed_at     timestamptz,
    -- Set when the office moved the part to another unit (adjustment REASSIGNED).
    reassigned_at timestamptz,
    primary key (submission_id, unit_id)
);

create table progress_deadline (
    deadline_id   bigint primary key,
    submission_id bigint      not null,
    assignment_id bigint,
    unit_id       bigint,
    stage         text,
    due_at        timestamptz,
    state         text        not null check (state in ('OPEN', 'MET', 'OVERDUE', 'EXPIRED')),
    opened_at     timestamptz,
    state_at      timestamptz
);
create index progress_deadline_submission on progress_deadline (submission_id);

create table progress_reply (
    reply_id      bigint primary key,
    submission_id bigint      not null,
    assignment_id bigint,
    unit_id       bigint,
    round         int,
    result_class  text,
    fingerprint   text,
    disclosure    text,
    recipient_ids bigint[]    not null default '{}',
    submitted_at  timestamptz,
    replied_at    timestamptz
);
create index progress_reply_submission on progress_reply (submission_id);

create table progress_evaluation (
    reply_id      bigint      not null,
    member_id     bigint      not null,
    submission_id bigint      not null,
    unit_id       bigint,
    round         int,
    rating        text        not null,
    evaluated_at  timestamptz not null,
    primary key (reply_id, member_id)
);
create index progress_evaluation_member on progress_evaluation (member_id);
