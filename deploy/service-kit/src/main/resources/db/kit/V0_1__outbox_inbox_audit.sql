-- Infrastructure tables every service has. Version 0.x so they come before the service's own V1.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka.
create table outbox_event (
    id           bigserial primary key,          -- relay order; per aggregate it is commit order
    event_id     uuid         not null unique,   -- CloudEvents id, the consumers' idempotency key
    topic        varchar(200) not null,
    event_type   varchar(200) not null,
    aggregate_id varchar(100) not null,          -- Kafka key and ce_subject
    payload      json         not null,          -- json keeps the text as written; jsonb would reorder it
    occurred_at  timestamptz  not null,
    published_at timestamptz
);
-- The relay only ever scans what is still unpublished: this index stays as small as the backlog.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumers: an event id is recorded in the transaction that applies its effect.
create table inbox_event (
    event_id    varchar(100) primary key,
    event_type  varchar(200) not null,
    received_at timestamptz  not null
);

-- Append-only audit log of every state change: who, when, what, on which subject.
create table audit_log (
    id           bigserial primary key,
    at           timestamptz  not null,
    actor        varchar(200) not null,
    roles        varchar(200) not null,
    action       varchar(100) not null,
    subject_type varchar(100) not null,
    subject_id   varchar(100) not null,
    detail       text
);
create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
