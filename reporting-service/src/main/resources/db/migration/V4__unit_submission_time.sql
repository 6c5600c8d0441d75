-- The unit's timeliness (单位按时报送率) is measured at the unit's last submission of its first-round reply to the
-- office, the item's (按期办复率) at the office's sending: the two differ by the office's review (issue 14). Rows
-- projected before this column count the first reply's date until a rebuild (POST /api/v1/projection/rebuilds)
-- fills it. The rebuild twin gets the same column in the same place (the swap copies with select *).
alter table unit_part add column submitted_at timestamptz;
alter table rebuild_unit_part add column submitted_at timestamptz;
