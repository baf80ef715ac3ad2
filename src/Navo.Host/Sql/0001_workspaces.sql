-- Workspaces (tenants) and their users. The accounts work extends these; this is the minimum the
-- demo workspace needs. System tables: tenant sessions never read them directly.
create table if not exists navo_tenants (
    id         varchar(64) primary key,
    name       varchar(200) not null,
    created_at timestamptz not null default now()
);

create table if not exists navo_users (
    tenant_id     varchar(64) not null references navo_tenants (id) on delete cascade,
    id            uuid not null,
    email         varchar(320) not null,
    password_hash text not null,
    role          varchar(16) not null check (role in ('owner', 'editor', 'viewer')),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);

create unique index if not exists ux_navo_users_email on navo_users (lower(email));
