-- The item's number in its session (第N号), from the assignment's events: reminders and notices print it
-- instead of the database id. Null on deadlines opened before the events carried it.
alter table deadline add column submission_number int;
