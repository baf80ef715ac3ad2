-- The images a project's owner uploaded: one row per project and image (the id is the SHA-256 of the upload), with
-- the stored files of its resized, metadata-free copies. The files are content-addressed in the site storage, so an
-- image uploaded twice, or to two projects, is stored once.
create table if not exists navo_assets (
    tenant_id  varchar(64) not null,
    project_id uuid not null,
    id         char(64) not null,
    file_name  varchar(255) not null,
    format     varchar(8) not null,
    width      integer not null,
    height     integer not null,
    bytes      bigint not null,
    variants   jsonb not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, project_id, id)
);

alter table navo_assets enable row level security;
drop policy if exists tenant_isolation on navo_assets;
create policy tenant_isolation on navo_assets
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert, delete on navo_assets to navo_tenant;

-- Whether any workspace still refers to a stored file (an image in a library, or a file of a published version):
-- a yes or no, nothing more, past row-level security. plpgsql so that the body is checked when it runs, not here.
create or replace function navo_file_in_use(p_key text) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
    return exists (select from navo_assets a, jsonb_array_elements(a.variants) v where v ->> 'key' = p_key)
        or exists (select from mt_events e, jsonb_each_text(e.data -> 'pages') p
                   where e.type in ('site_published', 'publish_rolled_back') and p.value = p_key);
end
$$;
grant execute on function navo_file_in_use(text) to navo_tenant;
