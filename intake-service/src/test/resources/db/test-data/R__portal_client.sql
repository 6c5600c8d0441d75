-- Tests sign platform tokens for "portal-client" (Tokens.platform(), IntakeFixtures.portalFor): the portal of the
-- whole congress, registered with every scope. Its secret hash matches nothing: tests that need a secret register
-- their own client through the API.
insert into platform_client (client_id, name, owner, contact_name, contact_email, scopes, all_members,
                             secret_hash, state, created_at)
values ('portal-client', '测试代表履职平台', '测试人大常委会', '测试联系人', 'portal@example.com',
        '{submissions:write,submissions:read,progress:read,evaluations:write,webhooks:manage,statistics:read}',
        true, 'none', 'ACTIVE', now())
on conflict (client_id) do nothing;
