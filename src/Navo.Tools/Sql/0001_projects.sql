-- The list of projects per workspace, kept by the ProjectList inline projection.
create table if not exists navo_projects (
    tenant_id  varchar(64) not null,
    id         uuid not null,
    name       varchar(200) not null,
    version    bigint not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (tenant_id, id)
);

alter table navo_projects enable row level security;
drop policy if exists tenant_isolation on navo_projects;
create policy tenant_isolation on navo_projects
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_projects to navo_tenant;
