-- Who leads an item: DEPUTY, CPPCC_MEMBER or GROUP (集体提案, issue 14). Events registered before intake named the
-- kind carry none: such an item counts as a group proposal when it carries a group label (group_name).
alter table item add column proposer_kind varchar(20);
alter table rebuild_item add column proposer_kind varchar(20);
