-- Slack (issue 17). These tables are read before any workspace is known (a verified request names only its Slack
-- team), so, like the account tables, they are the host's own: tenant sessions never read them, and every row says
-- which workspace it belongs to.

-- One installation per Slack team; the bot token is encrypted with ASP.NET Core Data Protection. ended_at is set by
-- app_uninstalled, tokens_revoked, or a Web API answer of invalid_auth or token_revoked.
create table if not exists navo_slack_installations (
    team_id         varchar(32) primary key,
    tenant_id       varchar(64) not null references navo_tenants (id) on delete cascade,
    app_id          varchar(32),
    bot_user_id     varchar(32) not null,
    bot_token       text not null,
    installed_by    uuid not null,
    installed_at    timestamptz not null default now(),
    ended_at        timestamptz,
    ended_reason    varchar(32)
);

create index if not exists ix_navo_slack_installations_tenant on navo_slack_installations (tenant_id);

-- A Slack user of a team acting as a Navo member; their role is read from navo_members on every turn.
create table if not exists navo_slack_links (
    team_id       varchar(32) not null references navo_slack_installations (team_id) on delete cascade,
    slack_user_id varchar(32) not null,
    tenant_id     varchar(64) not null references navo_tenants (id) on delete cascade,
    user_id       uuid not null references navo_accounts (id) on delete cascade,
    linked_at     timestamptz not null default now(),
    primary key (team_id, slack_user_id)
);

-- Single-use secrets, stored as SHA-256 hashes: 'state' (an install's OAuth round trip, bound to the owner and the
-- workspace) and 'link' (a Slack user's link to a member, 15 minutes).
create table if not exists navo_slack_tokens (
    hash          bytea primary key,
    kind          varchar(8) not null check (kind in ('state', 'link')),
    tenant_id     varchar(64) not null references navo_tenants (id) on delete cascade,
    user_id       uuid,
    team_id       varchar(32),
    slack_user_id varchar(32),
    expires_at    timestamptz not null,
    used_at       timestamptz
);

-- Each Slack thread is one Navo conversation.
create table if not exists navo_slack_threads (
    team_id         varchar(32) not null,
    channel_id      varchar(32) not null,
    thread_ts       varchar(32) not null,
    tenant_id       varchar(64) not null references navo_tenants (id) on delete cascade,
    conversation_id uuid not null,
    assistant       boolean not null default false,
    primary key (team_id, channel_id, thread_ts)
);

-- The work Slack's requests ask for, acknowledged at once and done by whichever host's worker locks the row first
-- (select ... for update skip locked, held for the whole turn: a host that dies releases it). dedupe_key is the
-- event_id (or the action's trigger), so a retried or repeated delivery is queued once.
create table if not exists navo_slack_queue (
    id          bigint generated always as identity primary key,
    dedupe_key  varchar(160) not null unique,
    kind        varchar(16) not null check (kind in ('event', 'interaction', 'command')),
    team_id     varchar(32) not null,
    payload     jsonb not null,
    received_at timestamptz not null default now(),
    attempts    int not null default 0,
    done_at     timestamptz,
    error       varchar(200)
);

create index if not exists ix_navo_slack_queue_waiting on navo_slack_queue (id) where done_at is null;
