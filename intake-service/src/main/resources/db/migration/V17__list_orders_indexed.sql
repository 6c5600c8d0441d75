-- Lists over a million items (ListBenchmark): a common list can walk an index in its own order and stop at its
-- page, instead of sorting every item of the session. The orders are the listing's own, nulls last and ties by id:
-- a session's items in id order (the default; the planner may still walk the primary key instead, decisions "Lists
-- over a million items"), by number from the last, newest filed first; key items of every session in id order.
-- Built at deploy time, holding writes for the seconds a build takes.
create index submission_session_id on submission (session_id, id);
create index submission_session_number_desc on submission (session_id, number desc nulls last, id);
create index submission_session_filed_desc on submission (session_id, filed_at desc nulls last, id);
create index submission_key_items on submission (id) where key_item;
