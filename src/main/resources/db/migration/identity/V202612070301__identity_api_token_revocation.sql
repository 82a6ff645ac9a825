-- Tokens are listed to their holder (我的空间) by an id, never by the token, and revoked
-- rather than deleted, so that the security log's references stay meaningful.
alter table identity_api_token add column id uuid not null default gen_random_uuid();
alter table identity_api_token add constraint identity_api_token_id unique (id);
alter table identity_api_token add column revoked_at timestamptz;
alter table identity_api_token add column revoked_by text;
create index identity_api_token_account on identity_api_token (account_id, issued_at desc);
