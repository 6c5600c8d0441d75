-- Sessions gain their dates and the intake window in which portals may file.
alter table session
    add column opens_on         date,
    add column closes_on        date,
    add column intake_opens_at  timestamptz,
    add column intake_closes_at timestamptz;

-- Contact data beside the phone: personal information, masked for most readers, never in events.
alter table member
    add column email   varchar(100),
    add column address varchar(200);

-- The subject fields (类别) are data the office can extend; the seeds' categories are the defaults.
create table field (
    code   varchar(40)  primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name   varchar(50)  not null,
    active boolean      not null default true
);
insert into field (code, name) values
    ('ECONOMY_SCIENCE', '经济科技'),
    ('SOCIAL_LIVELIHOOD', '社会民生'),
    ('URBAN_CONSTRUCTION_TRANSPORT', '城建交通'),
    ('AGRICULTURE_RURAL', '农业农村'),
    ('POLITICS_LAW', '政治法律'),
    ('OTHER', '其他');

-- Character bigrams: Chinese has no spaces between words, so pairs of characters are the unit of
-- similarity. pg_trgm is present but splits words by the database's locale, which in a C locale
-- drops every Chinese character; bigrams work under any locale.
create function intake_bigrams(t text) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct substr(s, i, 2)), '{}')
    from (select regexp_replace(lower(coalesce(t, '')),
                 '[[:space:][:punct:]，。、；：？！“”‘’（）《》【】…—·]', '', 'g') as s) x,
         generate_series(1, length(s) - 1) as i
$$;

-- Share of bigrams two texts have in common (Jaccard), 0 for two empty texts.
create function intake_jaccard(a text[], b text[]) returns real
    language sql immutable parallel safe as $$
    select case when coalesce(cardinality(a), 0) + coalesce(cardinality(b), 0) = 0 then 0::real
           else (select count(*) from (select unnest(a) intersect select unnest(b)) i)::real
              / (select count(*) from (select unnest(a) union select unnest(b)) u) end
$$;

-- From filing to registration: the number and registration columns are empty until 立案.
alter table submission
    alter column number drop not null,
    alter column registered_at drop not null,
    alter column registered_by drop not null,
    add column group_name        varchar(100),
    add column key_item          boolean      not null default false,
    add column leading_official  varchar(50),
    add column confidential      boolean      not null default false,
    add column confidentiality   varchar(20)  check (confidentiality in ('SECRET', 'COMMERCIAL', 'PRIVATE', 'PROPOSER_REQUEST')),
    add column co_sign_until     timestamptz,
    add column created_at        timestamptz,
    add column filed_at          timestamptz,
    add column filed_by          varchar(200),
    add column refusal_reason    varchar(1000),
    add column disposition       varchar(20)  check (disposition in ('LETTER', 'PUBLIC_OPINION')),
    add column merged_into_id    bigint references submission (id),
    add column withdrawn_at      timestamptz,
    add column withdrawal_reason varchar(1000),
    add column replied_at        timestamptz,
    add column external_ref      varchar(100),
    -- Boilerplate around titles (关于…的建议) would make every pair look alike: it is left out.
    add column title_grams text[] generated always as
        (intake_bigrams(regexp_replace(title, '^关于|的?(建议|提案|意见)$', '', 'g'))) stored,
    add column body_grams  text[] generated always as (intake_bigrams(left(body, 2000))) stored,
    add constraint submission_external_ref unique (session_id, external_ref);
update submission set filed_at = registered_at, filed_by = registered_by, created_at = registered_at;
alter table submission add constraint submission_field foreign key (field) references field (code);
create index submission_title_grams on submission using gin (title_grams);
create index submission_body_grams on submission using gin (body_grams);
create index submission_session_state on submission (session_id, state);

-- Co-signers (联名人/附议人): invited by the lead proposer, counted only once signed before the cut-off.
create table co_signer (
    submission_id bigint      not null references submission (id),
    member_id     bigint      not null references member (id),
    state         varchar(20) not null check (state in ('INVITED', 'SIGNED')),
    invited_at    timestamptz not null,
    signed_at     timestamptz,
    primary key (submission_id, member_id)
);
create index co_signer_member on co_signer (member_id);

-- Which units handle which submission, learned from assignment's events: a unit reads only these.
create table unit_assignment (
    submission_id bigint       not null,
    unit_id       bigint       not null,
    unit_name     varchar(200),
    assigned_at   timestamptz,
    primary key (submission_id, unit_id)
);
create index unit_assignment_unit on unit_assignment (unit_id);

-- Attachments live beside the submission, limited in size and type by the service.
create table attachment (
    id            bigint generated always as identity primary key,
    submission_id bigint       not null references submission (id),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    int          not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    added_at      timestamptz  not null,
    added_by      varchar(200) not null
);
create index attachment_submission on attachment (submission_id);

-- Batch imports from the standing committee, with their progress and the report of rejected rows.
create table import_job (
    id          bigint generated always as identity primary key,
    session_id  bigint       not null references session (id),
    format      varchar(10)  not null,
    state       varchar(20)  not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    total       int          not null default 0,
    processed   int          not null default 0,
    accepted    int          not null default 0,
    skipped     int          not null default 0,
    rejected    int          not null default 0,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    started_by  varchar(200) not null,
    millis      bigint
);
create table import_rejection (
    job_id     bigint        not null references import_job (id),
    row_number int           not null,
    reason     varchar(1000) not null,
    primary key (job_id, row_number)
);
