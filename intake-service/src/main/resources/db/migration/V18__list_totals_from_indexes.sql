-- Lists over a million items, second round (ListBenchmark; decisions "Lists over a million items"): every page
-- carries its total, a count of every match. These indexes hold what the common lists filter on, so PostgreSQL
-- counts from the index alone (index-only scans; autovacuum's visibility map spares the table) instead of reading
-- each matching item: key items of every session (50,000 of 1,000,000: 80 ms alone -> 6.5 ms on average under the
-- benchmark's load), a session's items by state and field (60,000 of 200,000: 49 -> 7.1 ms). Built at deploy time,
-- holding writes for the seconds a build takes.
drop index submission_key_items;
create index submission_key_items on submission (id) include (state) where key_item;
drop index submission_session_state;
create index submission_session_state on submission (session_id, state, field);
