-- The standing committee's own number of an imported item (the deputy's 第N号 in the committee's list): the
-- number people already know, printed on letters instead of Banli's session number. Unique in a session like
-- Banli's own number; null for items filed through Banli.
alter table submission add column committee_number int check (committee_number >= 1);
alter table submission add constraint submission_committee_number unique (session_id, committee_number);

-- Import rows name their proposers (name and 代表团/界别): one lookup per name.
create index member_kind_name on member (kind, name);
