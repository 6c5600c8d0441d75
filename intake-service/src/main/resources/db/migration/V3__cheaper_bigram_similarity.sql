-- Both arrays hold distinct bigrams, so |A ∩ B| is the number of A's bigrams found in B and
-- |A ∪ B| = |A| + |B| - |A ∩ B|: no sorting for intersect and union (about twice as fast).
create or replace function intake_jaccard(a text[], b text[]) returns real
    language sql immutable parallel safe as $$
    select case when coalesce(cardinality(a), 0) + coalesce(cardinality(b), 0) = 0 then 0::real
           else common::real / (cardinality(a) + cardinality(b) - common) end
    from (select count(*) as common from unnest(a) as g where g = any(b)) c
$$;
