-- Single sign-on: each workspace may connect one OpenID Connect provider. The client secret is encrypted with
-- ASP.NET Core Data Protection (as Slack's bot tokens are). A domain is vouched for by one workspace only: an
-- e-mail's domain finds the workspace to sign in to. sso_only refuses password sign-in to everyone but the
-- break-glass owner (while they are an owner: a demoted or deleted one exempts no one).
create table if not exists navo_sso_connections (
    tenant_id          varchar(64) primary key references navo_tenants (id) on delete cascade,
    issuer             varchar(400) not null,
    client_id          varchar(200) not null,
    client_secret      text not null,
    default_role       varchar(16) not null check (default_role in ('editor', 'viewer')),
    sso_only           boolean not null default false,
    break_glass_user   uuid references navo_accounts (id) on delete set null,
    updated_by         uuid not null,
    updated_at         timestamptz not null default now()
);

create table if not exists navo_sso_domains (
    domain    varchar(253) primary key,
    tenant_id varchar(64) not null references navo_sso_connections (tenant_id) on delete cascade
);

create index if not exists ix_navo_sso_domains_tenant on navo_sso_domains (tenant_id);

alter table navo_sso_connections enable row level security;
drop policy if exists tenant_isolation on navo_sso_connections;
create policy tenant_isolation on navo_sso_connections
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));

alter table navo_sso_domains enable row level security;
drop policy if exists tenant_isolation on navo_sso_domains;
create policy tenant_isolation on navo_sso_domains
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
