-- Key items (重点建议/提案) are handled under a named leading official and supervised more closely:
-- their reminders climb a stricter ladder that reaches the official.
alter table deadline add column key_item boolean not null default false;
alter table deadline add column leading_official varchar(50);

-- How to reach a leading official (personal information, office only).
create table leader_contact (
    official varchar(50) primary key,
    phone    varchar(30),
    email    varchar(200)
);
