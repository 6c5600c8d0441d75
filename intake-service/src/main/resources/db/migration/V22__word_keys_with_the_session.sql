-- A common word's total counted through an index (issue 15; decisions "Lists over a million items"). V21's codes
-- narrowed a rare word only: its index held each code once for every session, so a word in one item of eight meant
-- 160,000 entries of a million items to join to the session's 200,000, slower than reading them all, and a common
-- word's total read every title and body of the session (its statement alone from pgbench, 8 clients: p50 / p99
-- 175 / 237 ms). Here each item's codes are keys of an index on the item itself, each code twice: alone, and with
-- the item's session in the high 32 bits. A session's word then reads that session's entries only, and the rows
-- they find are the items themselves, with no second table to join (49 / 76 ms). The LIKE still decides, so lists
-- and totals are as before. V21's table, its triggers and its index give way to it.
drop trigger submission_words_filed on submission;
drop trigger submission_words_changed on submission;
drop function intake_words_written();
drop function intake_codes_contain(int[], text);
drop table submission_words;

-- The index's keys: a code as an unsigned 32-bit number, and the same with the session above it. Its search path
-- is fixed: PostgreSQL evaluates an index's expression in maintenance (CREATE INDEX, ANALYZE) with pg_catalog only.
-- PL/pgSQL, not SQL: a SQL function with a search path is not inlined, and its statement was planned again at
-- every call (RegisterBenchmark: 1.0-1.8 ms a call, registrations without the search 274 -> 136 a second).
create function intake_word_keys(session_id bigint, title text, body text) returns bigint[]
    language plpgsql immutable parallel safe set search_path from current as $$
declare
    codes int[] := intake_word_codes(title, body);
begin
    return array(select (c::bigint & 4294967295) from unnest(codes) c
                 union all select (session_id << 32) | (c::bigint & 4294967295) from unnest(codes) c);
end
$$;

-- Queued in a short pending list like V21's: every registration writes it, only a word's list reads it.
create index submission_word_keys on submission using gin (intake_word_keys(session_id, title, body))
    with (fastupdate = on, gin_pending_list_limit = 256);

-- The keys asked for (the list's, as text) as the list's condition: inlined by the planner into the index's own
-- operator, as V21's was.
create function intake_words_contain(session_id bigint, title text, body text, probe text) returns boolean
    language sql stable parallel safe as $$
    select intake_word_keys(session_id, title, body) @> cast(probe as bigint[])
$$;

-- V21's rule on the new index's statistics: the word's codes in fewer than one item in a hundred, by ANALYZE's most
-- common elements of the keys (a code's key alone, whatever the session). As its owner: pg_stats shows the service's
-- role a table's columns it may read, never an index's, and every code would look rare. It reads nothing else.
create or replace function intake_rare_codes(word text) returns int[]
    language plpgsql stable security definer set search_path from current as $$
begin
    return (
        select coalesce(array_agg(w.code order by w.code), '{}') from unnest(intake_bigram_codes(word)) as w(code)
        left join (select e.key, e.freq from pg_stats st,
                       unnest(cast(cast(st.most_common_elems as text) as bigint[]), st.most_common_elem_freqs)
                           as e(key, freq)
                   where st.schemaname = current_schema() and st.tablename = 'submission_word_keys'
                         and st.attname = 'intake_word_keys') common on common.key = (w.code::bigint & 4294967295)
        where coalesce(common.freq, 0) < 0.01);
end
$$;

-- Only the service asks it: a role that may merely connect learns nothing of the items' words.
revoke execute on function intake_rare_codes(text) from public;
do $$
begin
    if '${app_role}' <> current_user then
        execute format('grant execute on function intake_rare_codes(text) to %I', '${app_role}');
    end if;
end
$$;

analyze submission;
