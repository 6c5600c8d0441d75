-- The whole handling workflow: pre-assignment and adjustment, sign-for, contacts, co-unit opinions,
-- reply drafts signed by the unit head, the office's acceptance or return, extensions, evaluation,
-- re-handling, commitments and closing.

-- What assignment needs from intake's registered event beyond the first version.
alter table handled_submission
    add column session_kind     varchar(20),
    add column level            varchar(20),
    add column year             int,
    add column proposer_id      bigint,
    add column co_signer_ids    bigint[]     not null default '{}',
    add column group_name       varchar(200),
    add column key_item         boolean      not null default false,
    add column leading_official varchar(100),
    add column confidential     boolean      not null default false,
    add column state            varchar(20)  not null default 'REGISTERED',
    add column closed_at        timestamptz,
    add column version          bigint       not null default 0;
create index handled_submission_session on handled_submission (session_id, state);
create index handled_submission_proposer on handled_submission (proposer_id);
create index handled_submission_co_signers on handled_submission using gin (co_signer_ids);

-- One unit's part. A pre-assignment has no legal clock yet: assigned_at stays empty until the formal
-- assignment. round is 2 once re-handling started.
alter table assignment
    alter column assigned_at drop not null,
    alter column assigned_by drop not null,
    add column pre_assigned_at           timestamptz,
    add column adjustment_reason         varchar(2000),
    add column adjustment_window_closed  boolean     not null default false,
    add column signed_at                 timestamptz,
    add column round                     int         not null default 1,
    add column overdue                   boolean     not null default false,
    add column extended_until            date,
    add column closed_at                 timestamptz;
alter table assignment drop constraint assignment_submission_id_unit_id_key;
-- A unit may be re-assigned away and back; only one live part per unit and item.
create unique index assignment_live_unit on assignment (submission_id, unit_id) where state <> 'REASSIGNED';
create index assignment_state on assignment (state);

-- Reply versions. Content is frozen once the head approved it; a sent reply is never changed: a
-- correction is a new version (corrects_reply_id) that keeps the original.
alter table reply
    add column assignment_id      bigint references assignment (id),
    add column round              int           not null default 1,
    add column reply_version      int           not null default 1,
    add column corrects_reply_id  bigint references reply (id),
    add column state              varchar(20)   not null default 'SENT',
    add column class_changed_from char(1),
    add column disclosure         varchar(20)   not null default 'PUBLIC',
    add column confidential_reason varchar(500),
    add column drafted_at         timestamptz,
    add column drafted_by         varchar(200),
    add column approved_at        timestamptz,
    add column approved_by        varchar(200),
    add column decided_at         timestamptz,
    add column decided_by         varchar(200),
    add column return_reason      varchar(2000),
    add column version            bigint        not null default 0,
    alter column fingerprint drop not null,
    alter column submitted_at drop not null,
    alter column submitted_by drop not null;
create index reply_assignment on reply (assignment_id);

create table contact (
    id            bigint generated always as identity primary key,
    submission_id bigint        not null references handled_submission (id),
    assignment_id bigint        not null references assignment (id),
    unit_id       bigint        not null references unit (id),
    timing        varchar(10)   not null,
    method        varchar(20)   not null,
    contacted_on  date          not null,
    note          varchar(2000),
    recorded_at   timestamptz   not null,
    recorded_by   varchar(200)  not null
);
create index contact_submission on contact (submission_id);

create table opinion (
    id            bigint generated always as identity primary key,
    submission_id bigint        not null references handled_submission (id),
    assignment_id bigint        not null unique references assignment (id),
    unit_id       bigint        not null references unit (id),
    lead_unit_id  bigint        not null references unit (id),
    text          text          not null,
    sent_at       timestamptz   not null,
    sent_by       varchar(200)  not null
);

create table holding_answer (
    id            bigint generated always as identity primary key,
    submission_id bigint        not null references handled_submission (id),
    assignment_id bigint        not null references assignment (id),
    unit_id       bigint        not null references unit (id),
    text          text          not null,
    recorded_at   timestamptz   not null,
    recorded_by   varchar(200)  not null
);

create table extension_request (
    id              bigint generated always as identity primary key,
    submission_id   bigint        not null references handled_submission (id),
    assignment_id   bigint        not null references assignment (id),
    unit_id         bigint        not null references unit (id),
    requested_until date          not null,
    reason          varchar(2000) not null,
    state           varchar(20)   not null,
    decided_until   date,
    decision_reason varchar(2000),
    requested_at    timestamptz   not null,
    requested_by    varchar(200)  not null,
    decided_at      timestamptz,
    decided_by      varchar(200),
    version         bigint        not null default 0
);
-- At most one undecided request per unit part.
create unique index extension_request_open on extension_request (assignment_id) where state = 'REQUESTED';

create table commitment (
    id            bigint generated always as identity primary key,
    reply_id      bigint        not null references reply (id),
    submission_id bigint        not null references handled_submission (id),
    assignment_id bigint        not null references assignment (id),
    unit_id       bigint        not null references unit (id),
    action        varchar(1000) not null,
    promised_on   date          not null,
    percent       int           not null default 0,
    fulfilled     boolean       not null default false,
    version       bigint        not null default 0
);
create index commitment_submission on commitment (submission_id);

create table commitment_progress (
    id            bigint generated always as identity primary key,
    commitment_id bigint        not null references commitment (id),
    percent       int           not null check (percent between 0 and 100),
    note          varchar(2000) not null,
    progressed_on date          not null,
    recorded_at   timestamptz   not null,
    recorded_by   varchar(200)  not null
);

create table evaluation (
    id            bigint generated always as identity primary key,
    submission_id bigint        not null references handled_submission (id),
    reply_id      bigint        not null references reply (id),
    assignment_id bigint        not null references assignment (id),
    unit_id       bigint        not null references unit (id),
    round         int           not null,
    member_id     bigint        not null,
    rating        varchar(30)   not null,
    comment       varchar(2000),
    evaluated_at  timestamptz   not null,
    unique (assignment_id, round, member_id)
);

-- Contact data of a unit's liaison officer (联络员) and head (负责人): personal information.
alter table unit
    add column liaison_name  varchar(50),
    add column liaison_phone varchar(30),
    add column head_name     varchar(50),
    add column head_phone    varchar(30);

-- Rows of the first version: a submitted reply waits for the office; formal assignments had no sign-for.
update assignment set state = 'REPLY_SUBMITTED' where state = 'SUBMITTED';
update reply set state = 'SUBMITTED', assignment_id = (
    select a.id from assignment a where a.submission_id = reply.submission_id and a.unit_id = reply.unit_id);
update handled_submission set state = 'ASSIGNED' where id in (select submission_id from assignment);
