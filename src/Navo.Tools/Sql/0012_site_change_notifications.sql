-- Every host keeps live pages in memory; these triggers tell all of them, on the channel navo_sites, when what an
-- address serves changes: a publish, rollback, unpublish, deletion or move (navo_live_sites), an experiment started,
-- re-rendered or ended (navo_experiments: its variant pages are part of what the address serves), and a domain added,
-- verified or removed (navo_site_domains). A notification is sent when its transaction commits, never for one rolled
-- back. The payload names what changed: 'site:{slug}' or 'domain:{host}'. Security definer: the experiment trigger
-- looks the slug up past row-level security, by project only.
create or replace function navo_notify_live_site() returns trigger
language plpgsql security definer set search_path = public as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('navo_sites', 'site:' || old.slug);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('navo_sites', 'site:' || new.slug);
    end if;
    return null;
end
$$;

drop trigger if exists navo_live_sites_changed on navo_live_sites;
create trigger navo_live_sites_changed after insert or update or delete on navo_live_sites
    for each row execute function navo_notify_live_site();

create or replace function navo_notify_experiment() returns trigger
language plpgsql security definer set search_path = public as $$
declare
    changed record;
begin
    changed := case when tg_op = 'DELETE' then old else new end;
    perform pg_notify('navo_sites', 'site:' || l.slug)
       from navo_live_sites l
      where l.tenant_id = changed.tenant_id and l.project_id = changed.project_id;
    return null;
end
$$;

drop trigger if exists navo_experiments_changed on navo_experiments;
create trigger navo_experiments_changed after insert or update or delete on navo_experiments
    for each row execute function navo_notify_experiment();

create or replace function navo_notify_domain() returns trigger
language plpgsql security definer set search_path = public as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('navo_sites', 'domain:' || old.host);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('navo_sites', 'domain:' || new.host);
    end if;
    return null;
end
$$;

drop trigger if exists navo_site_domains_changed on navo_site_domains;
create trigger navo_site_domains_changed after insert or update or delete on navo_site_domains
    for each row execute function navo_notify_domain();
