-- Wrong client secrets per client and source address, shared by every replica (SecretLockout): ten within the
-- window lock that address out for that client, on every replica and across restarts. A row lives while its window
-- or its lock lasts; the purge removes the rest.
create table token_failure (
    client_id      text        not null,
    source_address text        not null,
    window_start   timestamptz not null,
    failures       integer     not null,
    locked_until   timestamptz,
    primary key (client_id, source_address)
);
create index token_failure_by_age on token_failure (window_start);
