-- What is live at each address, kept by the LiveSites inline projection in the same transaction as
-- site_published / publish_rolled_back / site_unpublished. Slugs are unique across all workspaces.
create table if not exists navo_live_sites (
    slug         varchar(60) primary key,
    tenant_id    varchar(64) not null,
    project_id   uuid not null,
    version      bigint not null,
    pages        jsonb not null,
    status       varchar(8) not null check (status in ('live', 'gone')),
    published_at timestamptz not null
);

create unique index if not exists ux_navo_live_sites_project on navo_live_sites (tenant_id, project_id);

alter table navo_live_sites enable row level security;
drop policy if exists tenant_isolation on navo_live_sites;
create policy tenant_isolation on navo_live_sites
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_live_sites to navo_tenant;

-- Whether another project (of any workspace) holds a slug: a yes or no, nothing more, past row-level security.
create or replace function navo_slug_taken(p_slug text, p_project uuid) returns boolean
language sql stable security definer set search_path = public as $$
    select exists (select from navo_live_sites where slug = p_slug and project_id <> p_project)
$$;
grant execute on function navo_slug_taken(text, uuid) to navo_tenant;
