-- Which reply answered each message id of a conversation, kept by the ConversationList inline projection: a client
-- that sends a message id again is answered from the record, and the conversation's state keeps only its latest turns
-- (issue 19), so an older id is found here with one index probe instead of reading the conversation's events.
create table if not exists navo_conversation_replies (
    tenant_id       varchar(64) not null,
    conversation_id uuid not null,
    message_id      text not null,
    version         bigint not null,
    primary key (tenant_id, conversation_id, message_id)
);

-- The replies written before this table.
insert into navo_conversation_replies (tenant_id, conversation_id, message_id, version)
select tenant_id, stream_id, data ->> 'messageId', max(version)
from mt_events
where type = 'assistant_replied' and data ->> 'messageId' is not null
group by tenant_id, stream_id, data ->> 'messageId'
on conflict do nothing;

alter table navo_conversation_replies enable row level security;
drop policy if exists tenant_isolation on navo_conversation_replies;
create policy tenant_isolation on navo_conversation_replies
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_conversation_replies to navo_tenant;
