-- The bigram codes of similar items move out of the item's row into a table beside it (issue 15; decisions
-- "Similar items on bigram codes"). On the item's row every update that was not HOT (registering, numbering,
-- replying, merging: each changes an indexed column) put the row's new version into both GIN indexes again, about a
-- hundred entries: on 20,000 items PostgreSQL 17 took 0.5-0.65 ms per such update, 0.05 ms without the GIN indexes,
-- and a one-step registration makes two. Here the codes are written when the text is, by trigger, whoever writes it
-- (the service, the import, a benchmark's direct inserts): drafts have none (no search reads them), an item's codes
-- appear when it is filed and change only when its title, body or session does.
create function intake_title_codes(title text) returns int[]
    language sql immutable parallel safe as $$
    -- Boilerplate around titles (关于…的建议) would make every pair look alike: it is left out (V13).
    select intake_bigram_codes(regexp_replace(title, '^关于|的?(建议|提案|意见)$', '', 'g'))
$$;

create function intake_body_codes(body text) returns int[]
    language sql immutable parallel safe as $$
    select intake_bigram_codes(left(body, 2000))
$$;

create table submission_similarity (
    submission_id bigint primary key references submission (id) on delete cascade,
    session_id bigint not null,
    title_codes int[] not null,
    body_codes int[] not null
);

insert into submission_similarity (submission_id, session_id, title_codes, body_codes)
select id, session_id, title_codes, body_codes from submission where state <> 'DRAFT';

-- Written through, not queued in a pending list that every search would read (V14).
create index submission_similarity_title on submission_similarity using gin (title_codes gin__int_ops)
    with (fastupdate = off);
create index submission_similarity_body on submission_similarity using gin (body_codes gin__int_ops)
    with (fastupdate = off);

alter table submission drop column title_codes, drop column body_codes;

create function intake_similarity_filed() returns trigger
    language plpgsql as $$
begin
    insert into submission_similarity (submission_id, session_id, title_codes, body_codes)
    values (new.id, new.session_id, intake_title_codes(new.title), intake_body_codes(new.body));
    return null;
end
$$;

create function intake_similarity_changed() returns trigger
    language plpgsql as $$
begin
    delete from submission_similarity where submission_id = new.id;
    if new.state <> 'DRAFT' then
        insert into submission_similarity (submission_id, session_id, title_codes, body_codes)
        values (new.id, new.session_id, intake_title_codes(new.title), intake_body_codes(new.body));
    end if;
    return null;
end
$$;

create trigger submission_similarity_filed after insert on submission
    for each row when (new.state <> 'DRAFT') execute function intake_similarity_filed();

-- Only the changes that change the codes or whether an item is searched at all: registering or replying does not.
create trigger submission_similarity_changed after update of title, body, session_id, state on submission
    for each row when (old.title is distinct from new.title or old.body is distinct from new.body
        or old.session_id is distinct from new.session_id or (old.state = 'DRAFT') <> (new.state = 'DRAFT'))
    execute function intake_similarity_changed();

-- The search orders each text's codes by how common they are (pg_stats of this table): known from the start.
analyze submission_similarity;
