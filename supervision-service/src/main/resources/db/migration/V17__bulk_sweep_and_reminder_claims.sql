-- The sweep writes its events with SQL (json_build_object): an instant the way the services' JSON writes it
-- (Java's ISO_INSTANT: UTC, seconds always, the fraction in groups of three digits only when there is one).
create function iso_instant(t timestamptz) returns text language sql stable as $$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when extract(microseconds from t)::bigint % 1000000 = 0 then ''
                when extract(microseconds from t)::bigint % 1000 = 0 then to_char(t at time zone 'UTC', '.MS')
                else to_char(t at time zone 'UTC', '.US') end
        || 'Z'
$$;

-- Reminders are claimed in a short transaction (SENDING, with the claim's time and id), sent outside any
-- transaction, and the result recorded in another. A claim never recorded (a crash mid-send) is taken
-- again once its lease has passed. The delivery key stays the same across attempts and goes with every
-- message (Message-ID, Idempotency-Key), so a receiver can recognise a repeated delivery.
alter table reminder drop constraint reminder_state_check;
alter table reminder add constraint reminder_state_check check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED'));
alter table reminder add column claimed_at timestamptz;
alter table reminder add column claim_id uuid;
alter table reminder add column delivery_key uuid not null default gen_random_uuid();
create index reminder_sending on reminder (claimed_at) where state = 'SENDING';
