-- Lists over a million items, third round (ListBenchmark; decisions "Lists over a million items"): the office's
-- lists of a whole session (or of everything) counted 200,000 (1,000,000) index entries for every page's total,
-- 15-22 ms each alone and a p99 of 107-144 ms with 8 at once on two cores. The totals by the item's own columns
-- (session, state, kind, field, key item) are kept instead, as signed changes: each insert or change of an item
-- adds rows of +1 and -1 here and locks nothing (a counter row per session would queue every filing behind the last
-- one's commit), and SubmissionTally folds a session's into one row per combination now and then. A total is the
-- sum of the rows that match, exact in every transaction's snapshot.
create table submission_tally (
    session_id bigint      not null,
    state      varchar(20) not null,
    kind       varchar(20) not null,
    field      varchar(40) not null,
    key_item   boolean     not null,
    delta      bigint      not null,
    folded     boolean     not null default false
);
create index submission_tally_session on submission_tally (session_id);
create index submission_tally_unfolded on submission_tally (session_id) where not folded;

create function submission_tally_change() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into submission_tally (session_id, state, kind, field, key_item, delta)
            values (old.session_id, old.state, old.kind, old.field, old.key_item, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into submission_tally (session_id, state, kind, field, key_item, delta)
            values (new.session_id, new.state, new.kind, new.field, new.key_item, 1);
    end if;
    return null;
end
$$;

create trigger submission_tally_added after insert or delete on submission
    for each row execute function submission_tally_change();
create trigger submission_tally_changed after update of session_id, state, kind, field, key_item on submission
    for each row when ((old.session_id, old.state, old.kind, old.field, old.key_item)
        is distinct from (new.session_id, new.state, new.kind, new.field, new.key_item))
    execute function submission_tally_change();

insert into submission_tally (session_id, state, kind, field, key_item, delta, folded)
select session_id, state, kind, field, key_item, count(*), true from submission group by 1, 2, 3, 4, 5;
