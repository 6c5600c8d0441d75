-- 并案: the host item a merged item is handled with, and every merged item's proposers, who receive the host's
-- reply and rate it (also for an item merged before it was registered, which this service never held).
alter table handled_submission add column merged_into_id bigint;

create table merged_item (
    submission_id      bigint       primary key,
    into_submission_id bigint       not null,
    number             int,
    title              text,
    proposer_id        bigint,
    co_signer_ids      bigint[]     not null default '{}',
    merged_at          timestamptz  not null
);
create index merged_item_host on merged_item (into_submission_id);
create index merged_item_members on merged_item using gin (co_signer_ids);
create index merged_item_proposer on merged_item (proposer_id);
