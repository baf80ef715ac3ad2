-- Who each conversation is with and which site it is about, kept by the ConversationList inline projection: the
-- studio opens the conversation of the site on screen (issue 13).
create table if not exists navo_conversations (
    tenant_id  varchar(64) not null,
    id         uuid not null,
    user_id    uuid not null,
    channel    varchar(32) not null,
    project_id uuid null,
    started_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

create index if not exists ix_navo_conversations_project on navo_conversations (tenant_id, user_id, project_id, updated_at desc);

alter table navo_conversations enable row level security;
drop policy if exists tenant_isolation on navo_conversations;
create policy tenant_isolation on navo_conversations
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_conversations to navo_tenant;
