-- The text of a reply that may be published (答复公开, issue 16): assignment sends it only for a public reply of a
-- non-confidential item, and reporting keeps it with personal data already masked, so the open data never holds
-- more than it shows. Rows projected before this column have no text until a rebuild (POST /api/v1/projection/rebuilds)
-- fills it. The rebuild twin gets the same column in the same place (the swap copies with select *).
alter table unit_part add column reply_text text;
alter table rebuild_unit_part add column reply_text text;
