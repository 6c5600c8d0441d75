-- Unit recommendation (智能交办) learns from the parts that were formally assigned, and from the ones re-assigned
-- away after a "not ours": this index holds exactly those, so the history is read, and its size counted to see
-- whether it changed, without scanning the live workflow's rows.
create index assignment_precedent on assignment (submission_id, unit_id, role)
    where assigned_at is not null or state = 'REASSIGNED';
-- Sent replies give a precedent its result class.
create index reply_sent on reply (submission_id) where state in ('SENT', 'SUPERSEDED');
