-- Visits to published sites, one row per page view, click on a hero or call-to-action button, and contact form
-- received. No address, user agent or cookie: `visitor` is a hash of the day's salt, the site, the address and the
-- user agent (see navo_analytics_salts), so a visitor is counted once a day and cannot be followed across days.
-- Written in batches with COPY by the host's own connection (COPY does not run under row-level security); the
-- tenant comes from the live site's pointer, never from the request. Read by workspaces under row-level security.
create table if not exists navo_analytics_events (
    tenant_id  varchar(64) not null,
    project_id uuid not null,
    day        date not null,
    at         timestamptz not null,
    kind       smallint not null,      -- 1 page view, 2 hero button click, 3 call-to-action click, 4 contact form received
    visitor    bytea not null,         -- 16 bytes of SHA-256(salt of the day, site, address, user agent)
    path       varchar(200),           -- the page ("/", "/menu")
    referrer   varchar(253),           -- the host of the page the visitor came from, when another site
    width      smallint                -- the viewport's width in CSS pixels
) partition by range (day);

create index if not exists ix_navo_analytics_events_site on navo_analytics_events (tenant_id, project_id, day);

alter table navo_analytics_events enable row level security;
drop policy if exists tenant_isolation on navo_analytics_events;
create policy tenant_isolation on navo_analytics_events
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select on navo_analytics_events to navo_tenant;

-- One partition a day, made by the writer before it copies a day's first rows; an old day is dropped whole.
create or replace function navo_analytics_partition(for_day date) returns void
language plpgsql as $$
declare
    name text := 'navo_analytics_events_' || to_char(for_day, 'YYYYMMDD');
begin
    if to_regclass(name) is null then
        execute format('create table if not exists %I partition of navo_analytics_events for values from (%L) to (%L)',
            name, for_day, for_day + 1);
    end if;
end;
$$;
revoke all on function navo_analytics_partition(date) from public;

-- Requests from robots and headless browsers, dropped from the figures and counted apart, per site and day.
create table if not exists navo_analytics_robots (
    tenant_id  varchar(64) not null,
    project_id uuid not null,
    day        date not null,
    hits       bigint not null,
    primary key (tenant_id, project_id, day)
);

alter table navo_analytics_robots enable row level security;
drop policy if exists tenant_isolation on navo_analytics_robots;
create policy tenant_isolation on navo_analytics_robots
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select on navo_analytics_robots to navo_tenant;

-- The salt of the current day (UTC). The day's row is made by the first host that needs it, and every older row is
-- deleted then: once a salt is gone, no one (Navo included) can tell whether two days' visitors were the same person.
-- Not a workspace's data, and never readable by a workspace.
create table if not exists navo_analytics_salts (
    day  date primary key,
    salt bytea not null
);
revoke all on navo_analytics_salts from navo_tenant;
