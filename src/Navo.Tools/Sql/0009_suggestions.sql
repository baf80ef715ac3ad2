-- Every suggestion Navo proposed for a site and what became of it, kept by the SuggestionList inline projection from
-- suggestions_proposed, suggestion_applied and suggestion_dismissed. The open ones, with their operations, are in the
-- project's state; this table answers "was it applied or dismissed" (409 rather than 404) and counts, per workspace
-- and kind, what was surfaced, applied and dismissed: the apply rate and the Beta posterior that ranks suggestions.
create table if not exists navo_suggestions (
    tenant_id   varchar(64) not null,
    project_id  uuid not null,
    id          uuid not null,
    kind        varchar(32) not null,
    key         varchar(200) not null,
    title       varchar(300) not null,
    status      varchar(10) not null check (status in ('open', 'applied', 'dismissed')),
    proposed_at timestamptz not null,
    decided_at  timestamptz null,
    version     bigint null,            -- the site version an apply made
    primary key (tenant_id, id)
);

create index if not exists ix_navo_suggestions_project on navo_suggestions (tenant_id, project_id);

alter table navo_suggestions enable row level security;
drop policy if exists tenant_isolation on navo_suggestions;
create policy tenant_isolation on navo_suggestions
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, update, delete on navo_suggestions to navo_tenant;

-- When the daily job last surfaced suggestions: one row per job, read and written by the host's own connection under
-- the job's advisory lock. Not a workspace's data.
create table if not exists navo_job_runs (
    job      varchar(64) primary key,
    last_day date not null
);
revoke all on navo_job_runs from navo_tenant;
