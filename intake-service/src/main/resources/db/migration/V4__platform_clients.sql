-- Integrating systems (delegate-duty portals, other government platforms) registered by the office.
-- The secret is kept only as a salted hash; the previous one stays valid until the end of a rotation's grace.
create table platform_client (
    client_id                    text primary key,
    name                         text        not null,
    owner                        text        not null,
    contact_name                 text        not null,
    contact_email                text        not null,
    scopes                       text[]      not null,
    all_members                  boolean     not null default false,
    member_ids                   bigint[]    not null default '{}',
    delegations                  text[]      not null default '{}',
    unit_ids                     bigint[]    not null default '{}',
    secret_hash                  text        not null,
    previous_secret_hash         text,
    previous_secret_valid_until  timestamptz,
    state                        text        not null,
    created_at                   timestamptz not null,
    revoked_at                   timestamptz,
    version                      bigint      not null default 0
);
