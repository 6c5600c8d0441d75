-- A member's progress (issue 13): the read model moved here from intake, so the workflow stream has one projection.
-- The facts the projection already holds are read where they are: units from unit_part, ratings from evaluation
-- (which now keeps the reply rated). What it lacked is added here: intake's own picture of each submission (drafts
-- included, which the statistics' item table must never count), co-signers and their invitations, the member
-- register, the handling stage, every deadline with its state, every reply sent with its recipients, and the
-- platform registry's grants that platform calls are checked against. Events of different topics arrive in any
-- order, so each row carries what lets a handler refuse to go backwards. Every table has its rebuild_ twin (same
-- columns, same order: the swap copies with select *).
create table progress_item (
    submission_id    bigint primary key,
    session_id       bigint,
    number           int,
    title            varchar(500),
    kind             varchar(20),
    -- intake's state: DRAFT, RECEIVED, REGISTERED, REFUSED, MERGED, WITHDRAWN
    state            varchar(20) not null,
    lead_proposer_id bigint,
    confidential     boolean not null default false,
    co_sign_until    timestamptz,
    merged_into      bigint,
    changed_at       timestamptz
);
create index progress_item_lead on progress_item (lead_proposer_id);

create table progress_co_signer (
    submission_id bigint      not null,
    member_id     bigint      not null,
    state         varchar(10) not null check (state in ('INVITED', 'SIGNED')),
    primary key (submission_id, member_id)
);
create index progress_co_signer_member on progress_co_signer (member_id);

-- Every member intake registered (a member unknown here is 404, as in intake) and their delegation.
create table progress_member (
    member_id  bigint primary key,
    kind       varchar(20),
    delegation varchar(200)
);

create table progress_handling (
    submission_id bigint primary key,
    stage         varchar(20) not null,
    stage_rank    int         not null,
    changed_at    timestamptz not null
);

create table progress_deadline (
    deadline_id   bigint primary key,
    submission_id bigint      not null,
    assignment_id bigint,
    unit_id       bigint,
    stage         varchar(30),
    due_at        timestamptz,
    state         varchar(10) not null check (state in ('OPEN', 'MET', 'OVERDUE', 'EXPIRED')),
    opened_at     timestamptz,
    state_at      timestamptz
);
create index progress_deadline_submission on progress_deadline (submission_id);

-- One row per reply (unit_part keeps only a unit's latest class): its fingerprint and who it was sent to.
create table progress_reply (
    reply_id      bigint primary key,
    submission_id bigint      not null,
    assignment_id bigint,
    unit_id       bigint,
    round         int,
    result_class  varchar(1),
    fingerprint   varchar(64),
    disclosure    varchar(20),
    recipient_ids bigint[]    not null default '{}',
    submitted_at  timestamptz,
    replied_at    timestamptz
);
create index progress_reply_submission on progress_reply (submission_id);

alter table evaluation add column reply_id bigint;
alter table rebuild_evaluation add column reply_id bigint;

-- The platform registry as intake announces it: a platform call is checked against it on every request, so a
-- revocation or a narrowed grant applies here as it does in intake. Never a secret.
create table platform_grant (
    client_id   varchar(100) primary key,
    status      varchar(10)  not null check (status in ('ACTIVE', 'REVOKED')),
    scopes      text[]       not null default '{}',
    all_members boolean      not null default false,
    member_ids  bigint[]     not null default '{}',
    delegations text[]       not null default '{}',
    unit_ids    bigint[]     not null default '{}',
    version     bigint       not null,
    changed_at  timestamptz
);

create table rebuild_progress_item (like progress_item including all);
create table rebuild_progress_co_signer (like progress_co_signer including all);
create table rebuild_progress_member (like progress_member including all);
create table rebuild_progress_handling (like progress_handling including all);
create table rebuild_progress_deadline (like progress_deadline including all);
create table rebuild_progress_reply (like progress_reply including all);
create table rebuild_platform_grant (like platform_grant including all);

do $$
begin
    if '${app_role}' <> current_user then
        execute format('grant select, insert, update, delete, truncate on progress_item, progress_co_signer, '
                || 'progress_member, progress_handling, progress_deadline, progress_reply, platform_grant, '
                || 'rebuild_progress_item, rebuild_progress_co_signer, rebuild_progress_member, '
                || 'rebuild_progress_handling, rebuild_progress_deadline, rebuild_progress_reply, '
                || 'rebuild_platform_grant to %I', '${app_role}');
    end if;
end;
$$;
