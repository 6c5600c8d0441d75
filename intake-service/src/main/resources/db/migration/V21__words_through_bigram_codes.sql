-- A word in title or body found through an index where few items hold it (issue 15; decisions "Lists over a million
-- items"). Without one, every word's list and total read every title and body of the session: for a word in 230 of
-- 200,000 items 116 ms for the first page and 44 ms for the total, 260-300 ms for a total with bodies of 760
-- characters. Here each item's bigram codes (V15's rule: lowercased, spaces and punctuation left out) of its title
-- and of its body, every item's from its first draft, sit beside it, and the list asks for the items holding the
-- word's rare codes: a superset of the items whose title or body holds the word, which the list's LIKE still
-- decides. Only where the word has a rare code (intake_rare_codes) does the list take this way: a word in one item
-- of eight is cheaper to read in the items themselves than through 25,000 index entries (SubmissionSearch).
create table submission_words (
    submission_id bigint primary key references submission (id) on delete cascade,
    -- The session's items only: a rare word of 230 items in a session of 200,000 is in 1,150 of five sessions.
    session_id bigint not null,
    codes int[] not null
);

create function intake_word_codes(title text, body text) returns int[]
    language sql immutable parallel safe as $$
    -- Title and body apart: a pair of the title's last and the body's first character is no word of either.
    select intake_bigram_codes(title) | intake_bigram_codes(body)
$$;

insert into submission_words (submission_id, session_id, codes)
select id, session_id, intake_word_codes(title, body) from submission;

-- Unlike the similar items' indexes (V14), queued in a short pending list: every registration writes this index and
-- only a word's list reads it. Registrations without the search, 8 connections, the trigger on and off in turn:
-- written through 326-386 against 382-548 req/s, queued (256 kB) 360-407 against 369-493. A list reads the queue,
-- a few hundred items' codes at most, until the writer that fills it or autovacuum merges it into the index.
create index submission_words_codes on submission_words using gin (codes gin__int_ops)
    with (fastupdate = on, gin_pending_list_limit = 256);

create function intake_words_written() returns trigger
    language plpgsql as $$
begin
    insert into submission_words (submission_id, session_id, codes)
    values (new.id, new.session_id, intake_word_codes(new.title, new.body))
    on conflict (submission_id) do update set session_id = excluded.session_id, codes = excluded.codes;
    return null;
end
$$;

create trigger submission_words_filed after insert on submission
    for each row execute function intake_words_written();

create trigger submission_words_changed after update of title, body, session_id on submission
    for each row when (old.title is distinct from new.title or old.body is distinct from new.body
        or old.session_id is distinct from new.session_id)
    execute function intake_words_written();

-- The word's rare codes (intake_rare_codes) as the list's condition: inlined by the planner into the GIN index's own
-- operator. Given as text, the way the list has them; stable like the text's cast to an array, or it is not inlined.
create function intake_codes_contain(codes int[], probe text) returns boolean
    language sql stable parallel safe as $$
    select codes @> cast(probe as int[])
$$;

-- The codes of the word in fewer than one item in a hundred by ANALYZE's most common elements of the codes (a code
-- not among them is rarer still), none for a common word or one without a code (one character). Only these are
-- looked up: the index reads each code's entries, and a word in 230 of 200,000 items took 2.0 ms with its common
-- codes (渡口, 渔港: 160,000 entries each in a million items), 0.15 ms with its rare one. PL/pgSQL, not SQL: its
-- statement is planned once per connection, not at every call (1.3 -> 0.5 ms).
create function intake_rare_codes(word text) returns int[]
    language plpgsql stable as $$
begin
    return (
        select coalesce(array_agg(w.code order by w.code), '{}') from unnest(intake_bigram_codes(word)) as w(code)
        left join (select e.code, e.freq from pg_stats st,
                       unnest(cast(cast(st.most_common_elems as text) as int[]), st.most_common_elem_freqs)
                           as e(code, freq)
                   where st.schemaname = current_schema() and st.tablename = 'submission_words'
                         and st.attname = 'codes') common on common.code = w.code
        where coalesce(common.freq, 0) < 0.01);
end
$$;

analyze submission_words;
