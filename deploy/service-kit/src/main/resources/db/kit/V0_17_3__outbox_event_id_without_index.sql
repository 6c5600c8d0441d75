-- An event id is a random UUID written once and never looked up in the outbox (consumers check it in their own
-- inbox). Its unique index cost an index insert for every row written and for every row the relay marks
-- published, at random places in the index: the bulk paths (the sweep, an import, the relay) paid it most.
alter table outbox_event drop constraint outbox_event_event_id_key;
