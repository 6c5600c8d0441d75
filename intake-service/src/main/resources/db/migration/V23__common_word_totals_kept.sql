-- A common word's total kept, not counted (issue 15; decisions "Lists over a million items"). V22 counts a word of
-- two Han characters from its key's index entries, but PostgreSQL visits one row per match: a word in one item of
-- eight, 32,000 of a session's 200,000, still took p99 53-65 ms at 8 clients for its total alone. So once a list
-- has asked for such a word and found many items (WordTotals), its key's total is kept here the way V19 keeps the
-- office's totals: a folded count and signed changes beside it, which every change of an item's keys writes for the
-- kept keys it gains or loses, locking nothing. A total is the folded count plus its changes, exact in every
-- transaction's snapshot. Drafts are counted like any item, as in V22's count: the list takes them away.

create table submission_word_totals (
    key   bigint primary key,
    items bigint not null
);

create table submission_word_changes (
    key   bigint not null,
    delta int    not null
);
create index submission_word_changes_key on submission_word_changes (key);

-- After the row's write, in a statement of its own: a total kept from now on is either seen here (and changed) or
-- kept after this transaction ends, by a count that sees the row (intake_keep_word_total waits for it). Each
-- statement sees what committed before it began, as in read committed, where the services' transactions run.
create function intake_word_total_changed() returns trigger
    language plpgsql as $$
declare
    gained bigint[] := '{}';
    lost   bigint[] := '{}';
begin
    if tg_op <> 'DELETE' then
        gained := new.keys;
    end if;
    if tg_op <> 'INSERT' then
        lost := old.keys;
    end if;
    insert into submission_word_changes (key, delta)
    select t.key, c.delta
    from (select key, sum(delta) as delta
          from (select unnest(gained), 1 union all select unnest(lost), -1) as k(key, delta)
          group by key having sum(delta) <> 0) c
    join submission_word_totals t on t.key = c.key;
    return null;
end
$$;

create trigger submission_word_total_changed after insert or update or delete on submission_words
    for each row execute function intake_word_total_changed();

-- Keeps the total of one session's word of two characters from now on, if it is not kept yet. The share lock
-- waits for every transaction writing keys to end and holds new ones back while the index counts the word's items
-- once (a common word: 10-40 ms); the count's statement starts after the lock, so it sees every item whose change
-- wrote no row here, and every later change sees the kept key. Returns whether a total was kept now.
create function intake_keep_word_total(session_id bigint, word text) returns boolean
    language plpgsql as $$
declare
    word_key bigint := (intake_word_keys(session_id, word, null))[1];
    kept int;
begin
    if word_key is null or exists (select 1 from submission_word_totals where key = word_key) then
        return false;
    end if;
    lock table submission_words in share mode;
    insert into submission_word_totals (key, items)
    select word_key, count(*) from submission_words where keys @> array[word_key]
    on conflict (key) do nothing;
    get diagnostics kept = row_count;
    return kept = 1;
end
$$;

-- V22's pairs and keys as PL/pgSQL, not SQL: the same statements, planned once per connection. As SQL the list's
-- statement folded each word's keys in planning, at 0.30 ms a time over a bare statement (three times a list: a
-- third of a kept word's list in PostgreSQL), 0.06 ms now; a registration's keys, computed as the trigger does, cost
-- 0.03 ms less.
create or replace function intake_pair_codes(t text) returns int[]
    language plpgsql immutable parallel safe as $$
begin
    return (
        select coalesce(array_agg(distinct code order by code), '{}')
        from regexp_split_to_table(lower(coalesce(t, '')), '[[:space:]]+') as part(chars),
             lateral (select case when ascii(ch) < 65536 and ascii(nxt) < 65536
                                  then (ascii(ch)::bigint * 65536 + ascii(nxt) - 2147483648)::int
                                  else hashtext(ch || nxt) end as code
                      from (select ch, lead(ch) over (order by i) as nxt
                            from unnest(regexp_split_to_array(part.chars, '')) with ordinality as c(ch, i)) pairs
                      where nxt is not null) codes);
end
$$;

create or replace function intake_session_keys(session_id bigint, codes int[]) returns bigint[]
    language plpgsql immutable parallel safe as $$
begin
    return (select coalesce(array_agg((session_id << 32) | (c::bigint & 4294967295) order by c), '{}')
            from unnest(codes) c);
end
$$;
