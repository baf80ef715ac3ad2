-- Every A/B test of a site, kept by the ExperimentList inline projection from experiment_started and
-- experiment_concluded. The experiment itself (what it tries) is in the project's state; this table holds when it
-- ran — its figures are the visits between started_at and ended_at — and, while it runs, the pages the live site
-- serves to visitors in the variant's arm (rendered once, from live_version). The live site reads it by project on
-- the host's own connection; workspaces read their own under row-level security.
create table if not exists navo_experiments (
    tenant_id     varchar(64) not null,
    project_id    uuid not null,
    id            uuid not null,
    section_id    varchar(64) not null,
    field         varchar(64) not null,
    status        varchar(8) not null check (status in ('running', 'applied', 'kept', 'stopped')),
    live_version  bigint not null,      -- the live version the variant's pages were rendered from
    variant_pages jsonb null,           -- page path -> stored file, while running
    started_at    timestamptz not null,
    ended_at      timestamptz null,
    primary key (tenant_id, id)
);

create index if not exists ix_navo_experiments_project on navo_experiments (tenant_id, project_id);

-- One running experiment a site, so that every visitor's page is one arm of one experiment: a second one started by
-- another host at the same moment rolls back.
create unique index if not exists ux_navo_experiments_running on navo_experiments (tenant_id, project_id)
    where status = 'running';

alter table navo_experiments enable row level security;
drop policy if exists tenant_isolation on navo_experiments;
create policy tenant_isolation on navo_experiments
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_experiments to navo_tenant;

-- A running or ended experiment's variant pages are the workspace's files too: not deleted while any event names them.
create or replace function navo_file_in_use(p_key text) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
    return exists (select from navo_assets a, jsonb_array_elements(a.variants) v where v ->> 'key' = p_key)
        or exists (select from mt_events e, jsonb_each_text(e.data -> 'pages') p
                   where e.type in ('site_published', 'publish_rolled_back') and p.value = p_key)
        or exists (select from mt_events e, jsonb_each_text(e.data -> 'variantPages') p
                   where e.type = 'experiment_started' and p.value = p_key);
end
$$;
grant execute on function navo_file_in_use(text) to navo_tenant;
