-- Microsoft Teams (issue 18), and the link tokens every channel shares. Like Slack's, these tables are read before
-- any workspace is known (a verified activity names only its Microsoft Entra tenant and user), so they are the host's
-- own: tenant sessions never read them, and every row says which workspace it belongs to.

-- Single-use link tokens of every channel, stored as SHA-256 hashes (15 minutes): someone in a channel, and the
-- workspace they may join (null: the first link of a Teams organisation, which an owner of the workspace confirms).
create table if not exists navo_channel_link_tokens (
    hash          bytea primary key,
    channel       varchar(16) not null check (channel in ('slack', 'teams')),
    tenant_id     varchar(64) references navo_tenants (id) on delete cascade,
    scope         varchar(64) not null,
    external_user varchar(128) not null,
    expires_at    timestamptz not null,
    used_at       timestamptz
);

-- A Microsoft Entra tenant (a Teams organisation) connected to a Navo workspace, by the owner who confirmed its first link.
create table if not exists navo_teams_installations (
    aad_tenant_id varchar(64) primary key,
    tenant_id     varchar(64) not null references navo_tenants (id) on delete cascade,
    installed_by  uuid not null,
    installed_at  timestamptz not null default now()
);

create index if not exists ix_navo_teams_installations_tenant on navo_teams_installations (tenant_id);

-- A Teams user (tenant + AAD object id) acting as a Navo member; their role is read from navo_members on every turn.
create table if not exists navo_teams_links (
    aad_tenant_id varchar(64) not null references navo_teams_installations (aad_tenant_id) on delete cascade,
    aad_object_id varchar(64) not null,
    tenant_id     varchar(64) not null references navo_tenants (id) on delete cascade,
    user_id       uuid not null references navo_accounts (id) on delete cascade,
    linked_at     timestamptz not null default now(),
    primary key (aad_tenant_id, aad_object_id)
);

-- Each Teams conversation (a personal chat, a group chat, a channel's reply chain) is one Navo conversation. The
-- reference (service URL, bot, conversation) is kept for proactive messages; service_url came in a validated token.
-- daily_off: the people there turned the daily suggestions off; last_daily: the last daily post sent there.
create table if not exists navo_teams_conversations (
    aad_tenant_id     varchar(64) not null,
    teams_conversation varchar(512) not null,
    tenant_id         varchar(64) not null references navo_tenants (id) on delete cascade,
    conversation_id   uuid not null,
    service_url       varchar(512) not null,
    bot_id            varchar(128) not null,
    conversation_type varchar(16),
    removed_at        timestamptz,
    daily_off         boolean not null default false,
    last_daily        varchar(64),
    primary key (aad_tenant_id, teams_conversation)
);

create index if not exists ix_navo_teams_conversations_conversation on navo_teams_conversations (conversation_id);

-- The activities Teams sends, acknowledged as soon as they are stored and done by whichever host's worker locks the
-- row first (select ... for update skip locked, held for the whole turn). dedupe_key is the conversation and activity
-- id, so a delivery Teams repeats is stored once. service_url is the one the activity's validated token named.
create table if not exists navo_teams_queue (
    id          bigint generated always as identity primary key,
    dedupe_key  varchar(600) not null unique,
    kind        varchar(24) not null check (kind in ('message', 'conversationUpdate', 'installationUpdate')),
    service_url varchar(512) not null,
    payload     jsonb not null,
    received_at timestamptz not null default now(),
    attempts    int not null default 0,
    done_at     timestamptz,
    error       varchar(200)
);

create index if not exists ix_navo_teams_queue_waiting on navo_teams_queue (id) where done_at is null;
