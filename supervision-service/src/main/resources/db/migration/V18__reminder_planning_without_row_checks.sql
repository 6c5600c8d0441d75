-- The sweep plans thousands of reminders per batch. The foreign key to deadline checked every inserted row
-- with a query of its own that also takes a share lock on the deadline: it was the largest single cost of
-- raising a batch. Reminders are only ever planned from deadline rows the same transaction has just read and
-- locked, and deadlines are never deleted, so the check can never fail: it goes.
alter table reminder drop constraint reminder_deadline_id_fkey;
