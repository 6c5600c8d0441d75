-- Idempotency-Key (the IETF draft "The Idempotency-Key HTTP Header Field"): one row per caller and key.
-- The primary key decides a race between two requests with the same key: only one insert wins.
create table idempotency_key (
    principal     varchar(200)  not null,          -- the token's user or client: keys are per caller
    key           varchar(255)  not null,
    method        varchar(10)   not null,
    path          varchar(2000) not null,          -- path and query of the first request
    request_hash  char(64)      not null,          -- SHA-256 (hex) of the first request's body
    status        integer,                         -- null while the first request is still running
    response_body bytea,
    content_type  varchar(200),
    location      varchar(2000),
    created_at    timestamptz   not null,
    completed_at  timestamptz,
    primary key (principal, key)
);
-- The purge deletes by age.
create index idempotency_key_created on idempotency_key (created_at);
