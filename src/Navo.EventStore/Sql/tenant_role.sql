-- The role tenant sessions switch to (SET LOCAL ROLE), which every grant of the schema names. A role belongs to the
-- cluster, not to one database: made before the policies and grants of a migration, and before a restore loads a dump
-- whose grants name it. Idempotent.

do $$
begin
    if not exists (select from pg_roles where rolname = 'navo_tenant') then
        create role navo_tenant nologin;
    end if;
exception when duplicate_object or unique_violation then
    -- Another database of the cluster may have created it a moment ago.
    null;
end $$;
