-- Row-level security on Marten's event tables (mt_events, mt_streams) and grants on its document tables, whose
-- policies Marten keeps itself. Tenant sessions run as navo_tenant (SET LOCAL ROLE) with navo.tenant_id set LOCAL, so the
-- policies apply to them even though the connection's own role owns the tables. Run after every schema change: Weasel
-- may have created tables since. Idempotent. The role itself is made by tenant_role.sql, run first.

grant usage on schema public to navo_tenant;

do $$
declare
    t record;
begin
    for t in
        select c.oid, c.relname, c.relrowsecurity
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
          join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
         where c.relkind in ('r', 'p') and c.relname like 'mt\_%'
    loop
        -- What is already in place is left alone: altering a table, or a policy on it, takes its strongest lock, and a
        -- migrate run while other hosts serve (a rolling restart) would stall every append behind it.
        if t.relname like 'mt\_doc\_%' then
            -- Marten keeps the policies of its document tables (UseRowLevelSecurity, on the same setting).
            -- (A list of privileges asks whether any is held, so each is asked on its own.)
            if not (has_table_privilege('navo_tenant', t.oid, 'select') and has_table_privilege('navo_tenant', t.oid, 'insert')
                    and has_table_privilege('navo_tenant', t.oid, 'update') and has_table_privilege('navo_tenant', t.oid, 'delete')) then
                execute format('grant select, insert, update, delete on %I to navo_tenant', t.relname);
            end if;
        else
            if not t.relrowsecurity then
                execute format('alter table %I enable row level security', t.relname);
            end if;
            -- The comment says which version of the policy is there: a policy of an older text is made again.
            if not exists (select from pg_policy p where p.polrelid = t.oid and p.polname = 'tenant_isolation'
                            and obj_description(p.oid, 'pg_policy') = 'navo tenant_isolation 1') then
                execute format('drop policy if exists tenant_isolation on %I', t.relname);
                execute format($p$create policy tenant_isolation on %I
                                   using (tenant_id = current_setting('navo.tenant_id', true))
                                   with check (tenant_id = current_setting('navo.tenant_id', true))$p$, t.relname);
                execute format($c$comment on policy tenant_isolation on %I is 'navo tenant_isolation 1'$c$, t.relname);
            end if;
            if not (has_table_privilege('navo_tenant', t.oid, 'select') and has_table_privilege('navo_tenant', t.oid, 'insert')
                    and has_table_privilege('navo_tenant', t.oid, 'update')) then
                execute format('grant select, insert, update on %I to navo_tenant', t.relname);
            end if;
        end if;
    end loop;
end $$;

grant usage on sequence mt_events_sequence to navo_tenant;
