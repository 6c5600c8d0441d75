-- The writing transaction of each outbox row, so the relay publishes only rows whose transaction is older
-- than every transaction still in flight (io.banli.kit.outbox.OutboxRelay explains why). Rows written
-- before this column existed stay null and count as old. Added without a default first and the default
-- set afterwards, so existing rows are not rewritten.
alter table outbox_event add column txid xid8;
alter table outbox_event alter column txid set default pg_current_xact_id();

-- The W3C trace context of the writing request, sent along as the record's traceparent header (null when
-- tracing is off).
alter table outbox_event add column trace_parent varchar(100);

-- Published rows are purged after a retention period, oldest first.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
