-- A member's progress moved to reporting, the read side (issue 13; deploy/docs/decisions.md): intake's projection of
-- assignment's and supervision's events goes.
drop table if exists progress_handling, progress_unit, progress_deadline, progress_reply, progress_evaluation;

-- Reporting learns members, drafts and the platform registry from events intake publishes from now on. What intake
-- holds already is announced once, here, through the outbox (relayed like any event, in this order): every member,
-- every platform client's grant, and every draft (a withdrawn one too) with its co-signers. A replay of the topics
-- then gives reporting the whole picture.
insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
select gen_random_uuid(), 'banli.intake.submissions', 'banli.intake.member.registered.v1', 'member-' || m.id,
       json_build_object('memberId', m.id, 'kind', m.kind, 'delegation', m.delegation,
                         'registeredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       now()
from member m order by m.id;

insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
select gen_random_uuid(), 'banli.intake.submissions', 'banli.intake.platform-client.changed.v1', c.client_id,
       json_build_object('clientId', c.client_id, 'status', c.state, 'scopes', to_json(c.scopes),
                         'allMembers', c.all_members, 'memberIds', to_json(c.member_ids),
                         'delegations', to_json(c.delegations), 'unitIds', to_json(c.unit_ids), 'version', c.version,
                         'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       now()
from platform_client c order by c.client_id;

insert into outbox_event (event_id, topic, event_type, aggregate_id, payload, occurred_at)
select gen_random_uuid(), 'banli.intake.submissions', 'banli.intake.submission.draft-changed.v1', s.id::text,
       json_build_object('submissionId', s.id, 'sessionId', s.session_id, 'kind', s.kind, 'title', s.title,
                         'leadProposer', json_build_object('memberId', m.id, 'name', m.name,
                                                           'delegation', m.delegation, 'kind', m.kind,
                                                           'groupType', m.group_type),
                         'coSigners', coalesce((select json_agg(json_build_object('memberId', c.member_id,
                                                                                  'status', c.state)
                                                                order by c.member_id)
                                                from co_signer c where c.submission_id = s.id), '[]'::json),
                         'state', s.state, 'confidential', s.confidential,
                         'coSignUntil', to_char(s.co_sign_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                         'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
       now()
from submission s join member m on m.id = s.lead_proposer_id
where s.state = 'DRAFT' or (s.state = 'WITHDRAWN' and s.filed_at is null)
order by s.id;
