-- Accounts: a person signs in once and may belong to several workspaces, each with a role. Sessions,
-- refresh tokens, password resets and invitations are opaque tokens stored only as SHA-256 hashes.
-- The account tables are the host's own: tenant sessions never read them. Workspace-scoped tables carry
-- tenant_id and row-level security like every other.
create table if not exists navo_accounts (
    id            uuid primary key,
    email         varchar(320) not null,
    password_hash text not null,
    failed_logins int not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now()
);

create unique index if not exists ux_navo_accounts_email on navo_accounts (lower(email));

create table if not exists navo_members (
    tenant_id  varchar(64) not null references navo_tenants (id) on delete cascade,
    user_id    uuid not null references navo_accounts (id) on delete cascade,
    role       varchar(16) not null check (role in ('owner', 'editor', 'viewer')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);

create index if not exists ix_navo_members_user on navo_members (user_id);

-- The demo workspace's owner, from the first schema, moves over.
insert into navo_accounts (id, email, password_hash, created_at)
    select id, email, password_hash, created_at from navo_users on conflict do nothing;
insert into navo_members (tenant_id, user_id, role, created_at)
    select tenant_id, id, role, created_at from navo_users on conflict do nothing;
drop table if exists navo_users;

-- kind: 'session' (the studio's cookie), 'refresh' (rotating; a family is revoked when a used one comes back),
-- 'reset' (password reset, single use), 'invite' (joins tenant_id with role, single use).
create table if not exists navo_tokens (
    hash       bytea primary key,
    kind       varchar(8) not null check (kind in ('session', 'refresh', 'reset', 'invite')),
    user_id    uuid references navo_accounts (id) on delete cascade,
    tenant_id  varchar(64) references navo_tenants (id) on delete cascade,
    role       varchar(16) check (role in ('owner', 'editor', 'viewer')),
    family     uuid,
    created_by uuid,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index if not exists ix_navo_tokens_user on navo_tokens (user_id);
create index if not exists ix_navo_tokens_family on navo_tokens (family);

create table if not exists navo_api_keys (
    tenant_id    varchar(64) not null references navo_tenants (id) on delete cascade,
    id           uuid not null,
    name         varchar(100) not null,
    prefix       varchar(16) not null,
    hash         bytea not null unique,
    role         varchar(16) not null check (role in ('editor', 'viewer')),
    created_by   uuid not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    primary key (tenant_id, id)
);

alter table navo_members enable row level security;
drop policy if exists tenant_isolation on navo_members;
create policy tenant_isolation on navo_members
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));

alter table navo_api_keys enable row level security;
drop policy if exists tenant_isolation on navo_api_keys;
create policy tenant_isolation on navo_api_keys
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
