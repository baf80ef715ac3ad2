-- Messages visitors send through a published site's contact form: personal data of the workspace's customers.
create table if not exists navo_leads (
    tenant_id  varchar(64) not null,
    id         uuid not null,
    project_id uuid not null,
    name       varchar(200) not null,
    email      varchar(320) not null,
    message    varchar(4000) not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
);

create index if not exists ix_navo_leads_project on navo_leads (tenant_id, project_id, created_at desc);

alter table navo_leads enable row level security;
drop policy if exists tenant_isolation on navo_leads;
create policy tenant_isolation on navo_leads
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, delete on navo_leads to navo_tenant;
