-- A word's exact total counted from V21's index alone (issue 15; decisions "Lists over a million items"). V21 kept
-- each item's bigrams with punctuation left out, so the index could only narrow a word and every total read the
-- items' text: a word in one item of eight, 32,000 of a session's 200,000, took 229-238 ms p50 at 8 clients for
-- its total alone. Here the codes are the text's exact pairs of neighbouring characters (lowercased, none across
-- a space), each keyed by the item's session in its high 32 bits: a session's pair reads only that session's
-- entries, and for a word of two characters the items holding the pair are the items holding the word. Its total
-- is then a count of the index's matches (SubmissionSearch): p50 / p99 32-40 / 53-65 ms at 8 clients.

drop function intake_codes_contain(int[], text);
drop function intake_rare_codes(text);
drop function intake_word_codes(text, text);
drop table submission_words;

-- V15's code of a pair (a character pair of the Basic Multilingual Plane exactly, another hashed), but of the
-- text as written: a word's pairs stand in the text wherever the word does, and nowhere else for two characters.
create function intake_pair_codes(t text) returns int[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct code order by code), '{}')
    from regexp_split_to_table(lower(coalesce(t, '')), '[[:space:]]+') as part(chars),
         lateral (select case when ascii(ch) < 65536 and ascii(nxt) < 65536
                              then (ascii(ch)::bigint * 65536 + ascii(nxt) - 2147483648)::int
                              else hashtext(ch || nxt) end as code
                  from (select ch, lead(ch) over (order by i) as nxt
                        from unnest(regexp_split_to_array(part.chars, '')) with ordinality as c(ch, i)) pairs
                  where nxt is not null) codes
$$;

-- Codes as one session's keys: the session in the high 32 bits, the code's own 32 in the low.
create function intake_session_keys(session_id bigint, codes int[]) returns bigint[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg((session_id << 32) | (c::bigint & 4294967295) order by c), '{}') from unnest(codes) c
$$;

-- Title and body apart: a pair of the title's last and the body's first character is no word of either.
create function intake_word_keys(session_id bigint, title text, body text) returns bigint[]
    language sql immutable parallel safe as $$
    select intake_session_keys(session_id, intake_pair_codes(title) | intake_pair_codes(body))
$$;

-- No parallel workers: a key rarer than ANALYZE's most common elements is estimated at 3,267 items where 230 hold
-- it, and the planner handed those few to two workers (a rare word's page 0.8-1.3 -> 5-8 ms, idle).
create table submission_words (
    submission_id bigint primary key references submission (id) on delete cascade,
    keys bigint[] not null
) with (parallel_workers = 0);

insert into submission_words (submission_id, keys)
select id, intake_word_keys(session_id, title, body) from submission;

-- Queued in a short pending list as V21's was: every registration writes it, only a word's list reads it.
create index submission_words_keys on submission_words using gin (keys)
    with (fastupdate = on, gin_pending_list_limit = 256);

-- V21's triggers stay: they call this with the item's new text or session.
create or replace function intake_words_written() returns trigger
    language plpgsql as $$
begin
    insert into submission_words (submission_id, keys)
    values (new.id, intake_word_keys(new.session_id, new.title, new.body))
    on conflict (submission_id) do update set keys = excluded.keys;
    return null;
end
$$;

-- The items of one session holding every one of these codes (a word's rare ones, given as text the way the list
-- has them): inlined by the planner into the GIN index's own operator, so stable like the text's cast.
create function intake_words_in_session(keys bigint[], session_id bigint, codes text) returns boolean
    language sql stable parallel safe as $$
    select keys @> intake_session_keys(session_id, cast(codes as int[]))
$$;

-- The code's key in every session, for a list over all of them.
create function intake_code_in_every_session(code int) returns bigint[]
    language sql stable parallel safe as $$
    select coalesce(array_agg((e.id << 32) | (code::bigint & 4294967295)), '{}') from session e
$$;

-- The items of any session holding the first of these codes in theirs: over every session one rare code narrows
-- enough, and the list's LIKE decides.
create function intake_words_in_any_session(keys bigint[], codes text) returns boolean
    language sql stable parallel safe as $$
    select keys && intake_code_in_every_session((cast(codes as int[]))[1])
$$;

-- The word's codes that fewer than one item in a hundred holds in the session (in all sessions together when it is
-- null), by ANALYZE's most common elements of the keys (a key not among them is rarer still), none for a common word
-- or one without a pair (one character): only these are looked up, each code read from the index costs its
-- entries. PL/pgSQL, not SQL: its statement is planned once per connection, not at every call.
create function intake_rare_codes(word text, session_id bigint) returns int[]
    language plpgsql stable as $$
begin
    return (
        select coalesce(array_agg(w.code order by w.code), '{}') from unnest(intake_pair_codes(word)) as w(code)
        where coalesce((select sum(e.freq) from pg_stats st,
                            unnest(cast(cast(st.most_common_elems as text) as bigint[]), st.most_common_elem_freqs)
                                as e(key, freq)
                        where st.schemaname = current_schema() and st.tablename = 'submission_words'
                              and st.attname = 'keys' and e.key & 4294967295 = w.code::bigint & 4294967295
                              and (intake_rare_codes.session_id is null
                                   or e.key >> 32 = intake_rare_codes.session_id)), 0) < 0.01);
end
$$;

analyze submission_words;
