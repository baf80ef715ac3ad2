-- Domains owners connect to their sites, kept by the LiveSites inline projection from domain_added /
-- domain_verified / domain_removed. A domain may wait for verification in several projects, but only one
-- verified mapping may exist for it across all workspaces.
create table if not exists navo_site_domains (
    host        varchar(253) not null,
    tenant_id   varchar(64) not null,
    project_id  uuid not null,
    token       varchar(64) not null,
    added_at    timestamptz not null,
    verified_at timestamptz,
    primary key (tenant_id, project_id, host)
);

create unique index if not exists ux_navo_site_domains_verified on navo_site_domains (host) where verified_at is not null;
create index if not exists ix_navo_site_domains_host on navo_site_domains (host);

alter table navo_site_domains enable row level security;
drop policy if exists tenant_isolation on navo_site_domains;
create policy tenant_isolation on navo_site_domains
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_site_domains to navo_tenant;

-- Whether another project (of any workspace) has verified a domain: a yes or no, past row-level security.
create or replace function navo_domain_taken(p_host text, p_project uuid) returns boolean
language sql stable security definer set search_path = public as $$
    select exists (select from navo_site_domains where host = p_host and verified_at is not null and project_id <> p_project)
$$;
grant execute on function navo_domain_taken(text, uuid) to navo_tenant;
