-- An item's bigram codes move beside it, into a table of their own kept by triggers (issue 15). As columns of
-- submission they made every change of an item expensive: an update that touches an indexed column (a state, the
-- number, a reply date) cannot be a heap-only update, so PostgreSQL writes the row's entries into every index
-- again, the two GIN indexes included (a hundred and more codes each), and it recomputed both codes on each update.
-- The registration's number is written under the session counter's lock, so the next registration of the session
-- waited for all of that (15 ms per number under RegisterBenchmark's load). Now only a change of the title or the
-- body touches the codes and their indexes.
create table submission_codes (
    submission_id bigint primary key references submission (id) on delete cascade,
    title_codes int[] not null,
    body_codes int[] not null
);
insert into submission_codes (submission_id, title_codes, body_codes)
select id, coalesce(title_codes, '{}'), coalesce(body_codes, '{}') from submission;

alter table submission drop column title_codes, drop column body_codes;
-- Written through, as V14 decided for the indexes they replace.
create index submission_codes_title on submission_codes using gin (title_codes gin__int_ops) with (fastupdate = off);
create index submission_codes_body on submission_codes using gin (body_codes gin__int_ops) with (fastupdate = off);

-- The rule of V13: the title without the 关于…的建议 boilerplate, the body's first 2,000 characters.
create function intake_submission_codes() returns trigger language plpgsql as $$
begin
    insert into submission_codes (submission_id, title_codes, body_codes)
    values (new.id, intake_bigram_codes(regexp_replace(new.title, '^关于|的?(建议|提案|意见)$', '', 'g')),
            intake_bigram_codes(left(new.body, 2000)))
    on conflict (submission_id) do update set title_codes = excluded.title_codes, body_codes = excluded.body_codes;
    return null;
end;
$$;
create trigger submission_codes_on_insert after insert on submission
    for each row execute function intake_submission_codes();
create trigger submission_codes_on_text_change after update of title, body on submission
    for each row when (old.title is distinct from new.title or old.body is distinct from new.body)
    execute function intake_submission_codes();

analyze submission_codes;
