-- A part's rating (满意率 per item) is the lead proposer's, the rating the workflow acts on; co-signers' ratings
-- count per rating (issue 14). The lead proposer is known from the registration. Rows projected before this
-- column keep the lowest rating of the part's latest round until a rebuild fills it.
alter table item add column proposer_id bigint;
alter table rebuild_item add column proposer_id bigint;
