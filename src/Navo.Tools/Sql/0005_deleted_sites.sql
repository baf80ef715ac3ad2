-- A deleted project's address answers 410 Gone: its live-site row stays behind as a tombstone (status 'deleted')
-- until another site takes the address, which navo_release_slug clears first.
alter table navo_live_sites drop constraint if exists navo_live_sites_status_check;
alter table navo_live_sites add constraint navo_live_sites_status_check check (status in ('live', 'gone', 'deleted'));

-- Whether another project (of any workspace) holds a slug; a deleted project's tombstone holds nothing.
create or replace function navo_slug_taken(p_slug text, p_project uuid) returns boolean
language sql stable security definer set search_path = public as $$
    select exists (select from navo_live_sites where slug = p_slug and project_id <> p_project and status <> 'deleted')
$$;
grant execute on function navo_slug_taken(text, uuid) to navo_tenant;

-- Clears the tombstone at a slug, whichever workspace's deleted project left it, so another site can take the address.
-- It removes nothing else: only a row at exactly that slug, and only one marked deleted.
create or replace function navo_release_slug(p_slug text) returns void
language sql volatile security definer set search_path = public as $$
    delete from navo_live_sites where slug = p_slug and status = 'deleted'
$$;
grant execute on function navo_release_slug(text) to navo_tenant;
