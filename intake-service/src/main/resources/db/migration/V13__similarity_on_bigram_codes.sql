-- Similar items at the speed of registration (issue 15; deploy/docs/decisions.md "Similar items on bigram codes").
-- Profiling the register benchmark showed each registration waiting ~180 ms on the similar-items query at fewer
-- than 2,000 items: every candidate was scored by a SQL function that unnests both text arrays, and every body
-- shares some bigram (建议, 社区 …) with every other, so every item was a candidate.
--
-- 1. Bigrams become integer codes and are compared by intarray's C operators (a sorted merge instead of a
--    nested unnest): the same sets, so the same Jaccard scores.
-- 2. Bodies are found through their rarest bigrams (a prefix filter, SimilarItems): an item whose body alone can
--    reach the lowest score shown must hold one of them. The GIN index on the codes finds those items.
create extension if not exists intarray;

-- A bigram's code: its two UTF-16 characters in one int (both in the Basic Multilingual Plane, where every
-- character of a title almost always is), so distinct bigrams have distinct codes; a bigram with a character
-- beyond it is hashed, which can meet another code only by a 1-in-4-billion accident.
create function intake_bigram_code(g text) returns int
    language sql immutable parallel safe as $$
    select case when ascii(substr(g, 1, 1)) < 65536 and ascii(substr(g, 2, 1)) < 65536
                then (ascii(substr(g, 1, 1))::bigint * 65536 + ascii(substr(g, 2, 1)) - 2147483648)::int
                else hashtext(g) end
$$;

-- Sorted and without repeats, as intarray's operators want them.
create function intake_bigram_codes(t text) returns int[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct intake_bigram_code(g) order by intake_bigram_code(g)), '{}')
    from unnest(intake_bigrams(t)) as g
$$;

create function intake_jaccard_codes(a int[], b int[]) returns real
    language sql immutable parallel safe as $$
    select case when cardinality(a) + cardinality(b) = 0 then 0::real
           else icount(a & b)::real / (cardinality(a) + cardinality(b) - icount(a & b)) end
$$;

alter table submission
    drop column title_grams,
    drop column body_grams,
    -- Boilerplate around titles (关于…的建议) would make every pair look alike: it is left out, as before.
    add column title_codes int[] generated always as
        (intake_bigram_codes(regexp_replace(title, '^关于|的?(建议|提案|意见)$', '', 'g'))) stored,
    add column body_codes int[] generated always as (intake_bigram_codes(left(body, 2000))) stored;
create index submission_title_codes on submission using gin (title_codes gin__int_ops);
create index submission_body_codes on submission using gin (body_codes gin__int_ops);
drop function intake_jaccard(text[], text[]);
