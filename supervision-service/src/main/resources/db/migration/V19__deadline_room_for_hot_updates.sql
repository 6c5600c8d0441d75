-- A deadline changes state in place (met, overdue, expired, extended) and none of those columns is indexed: with
-- room left on each page the update stays on the page (a HOT update) and touches none of the table's indexes.
-- The sweep moves thousands of deadlines per batch; this is most of its index work. Existing pages keep their
-- layout until rewritten; new rows get the room.
alter table deadline set (fillfactor = 80);
