-- Every signed co-signer rates a sent reply inside its evaluation window, also after the lead proposer has rated
-- and the part has closed (issue 14). Supervision's window expiry (deadline-expired, stage EVALUATION) ends it.
alter table assignment add column evaluation_window_ended boolean not null default false;
