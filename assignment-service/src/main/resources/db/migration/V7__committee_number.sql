-- The standing committee's own number of an imported item (the deputy's 第N号 in the committee's list), as intake
-- announces it: letters print it when there is one, since it is the number the proposer knows.
alter table handled_submission add column committee_number int;
