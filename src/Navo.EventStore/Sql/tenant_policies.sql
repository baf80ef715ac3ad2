-- Row-level security on Marten's event tables (mt_events, mt_streams) and grants on its document tables, whose
-- policies Marten keeps itself. Tenant sessions run as navo_tenant (SET LOCAL ROLE) with navo.tenant_id set LOCAL, so the
-- policies apply to them even though the connection's own role owns the tables. Run after every schema change: Weasel
-- may have created tables since. Idempotent.

do $$
begin
    if not exists (select from pg_roles where rolname = 'navo_tenant') then
        create role navo_tenant nologin;
    end if;
exception when duplicate_object or unique_violation then
    -- Roles are cluster-wide: another database may have created it a moment ago.
    null;
end $$;

grant usage on schema public to navo_tenant;

do $$
declare
    t record;
begin
    for t in
        select c.relname
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
         where c.relkind in ('r', 'p') and c.relname like 'mt\_%'
    loop
        if t.relname like 'mt\_doc\_%' then
            -- Marten keeps the policies of its document tables (UseRowLevelSecurity, on the same setting).
            execute format('grant select, insert, update, delete on %I to navo_tenant', t.relname);
        else
            execute format('alter table %I enable row level security', t.relname);
            execute format('drop policy if exists tenant_isolation on %I', t.relname);
            execute format($p$create policy tenant_isolation on %I
                               using (tenant_id = current_setting('navo.tenant_id', true))
                               with check (tenant_id = current_setting('navo.tenant_id', true))$p$, t.relname);
            execute format('grant select, insert, update on %I to navo_tenant', t.relname);
        end if;
    end loop;
end $$;

grant usage on sequence mt_events_sequence to navo_tenant;
