-- A rebuild's fresh tables hold nothing that must survive a crash: they are filled from the topics and copied over
-- the live tables in one logged transaction at the end. Unlogged, the replay writes no WAL for them: a rebuild of
-- 45,080 events wrote 96.8 MB of WAL before, 25.9 MB after (RebuildBenchmark), which a standby and the archive no
-- longer receive. After a crash PostgreSQL empties them; a rebuild that a crash interrupts is
-- lost with its connections either way, and the next one starts by emptying them. A standby has them empty too.
alter table rebuild_item set unlogged;
alter table rebuild_unit_part set unlogged;
alter table rebuild_evaluation set unlogged;
alter table rebuild_commitment set unlogged;
alter table rebuild_progress_item set unlogged;
alter table rebuild_progress_co_signer set unlogged;
alter table rebuild_progress_member set unlogged;
alter table rebuild_progress_handling set unlogged;
alter table rebuild_progress_deadline set unlogged;
alter table rebuild_progress_reply set unlogged;
alter table rebuild_platform_grant set unlogged;
alter table rebuild_stat_item set unlogged;
alter table rebuild_stat_item_sum set unlogged;
alter table rebuild_stat_part set unlogged;
alter table rebuild_stat_part_sum set unlogged;
alter table rebuild_inbox_event set unlogged;
