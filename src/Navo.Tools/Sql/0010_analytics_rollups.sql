-- Each site's finished days, rolled up from navo_analytics_events by one host at a time (AnalyticsRollups), so that a
-- report over 90 days reads 90 rows a site instead of every event. A visitor's hash is new every day, so the visitors
-- of a period are the sum of its days' visitors, and a day's counts can be added up without the events.
create table if not exists navo_analytics_days (
    tenant_id        varchar(64) not null,
    project_id       uuid not null,
    day              date not null,
    visitors         bigint not null,
    pageviews        bigint not null,
    cta_clicks       bigint not null,  -- clicks on the hero's and the call-to-action sections' buttons
    cta_clickers     bigint not null,  -- visitors who clicked one
    form_submissions bigint not null,
    form_senders     bigint not null,  -- visitors whose contact form arrived
    primary key (tenant_id, project_id, day)
);

-- A day's pages (dimension 1: value the path), referrers (2: the referring host, null when none) and devices
-- (3: mobile, tablet, desktop, unknown), every one of them: a period's top ten is not the top ten of its days.
create table if not exists navo_analytics_day_counts (
    tenant_id  varchar(64) not null,
    project_id uuid not null,
    day        date not null,
    dimension  smallint not null,
    value      varchar(253),
    pageviews  bigint not null,
    visitors   bigint not null
);

create index if not exists ix_navo_analytics_day_counts_site on navo_analytics_day_counts (tenant_id, project_id, dimension, day);

do $$
declare
    t text;
begin
    foreach t in array array['navo_analytics_days', 'navo_analytics_day_counts'] loop
        execute format('alter table %I enable row level security', t);
        execute format('drop policy if exists tenant_isolation on %I', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = current_setting(''navo.tenant_id'', true)) '
            'with check (tenant_id = current_setting(''navo.tenant_id'', true))', t);
        -- Delete: deleting a project (ProjectDeletion, in the tenant's session) takes its figures with it.
        execute format('grant select, delete on %I to navo_tenant', t);
    end loop;
end
$$;

-- The days rolled up, for every site at once: a report reads these days from the roll-ups and every other day that
-- still has a partition from the events. Written in the roll-up's transaction; deleted by a writer that copies late
-- events into a rolled-up day, so that the day is read from its events again until it is rolled up anew.
create table if not exists navo_analytics_rolled_days (
    day            date primary key,
    rolled_at      timestamptz not null,
    raw_dropped_at timestamptz            -- when the day's events were dropped (Navo:Analytics:RawRetentionDays)
);
grant select on navo_analytics_rolled_days to navo_tenant;

-- Deleting a project deletes its visits too, in the tenant's session, under the tables' row-level security.
grant delete on navo_analytics_events to navo_tenant;
grant delete on navo_analytics_robots to navo_tenant;
