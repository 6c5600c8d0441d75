-- A member's own list over a million items (ListBenchmark; decisions "Lists over a million items"): the ids of what
-- a member leads and co-signs, read from these indexes alone where autovacuum has marked the pages visible, instead
-- of one table row per id (500 items led: 500 heap pages read for a page of 20 and again for its total). They
-- replace the indexes on the member alone: each serves every query the one it replaces served.
create index submission_lead_proposer_id on submission (lead_proposer_id, id);
drop index submission_lead_proposer;
create index co_signer_member_submission on co_signer (member_id, submission_id);
drop index co_signer_member;
