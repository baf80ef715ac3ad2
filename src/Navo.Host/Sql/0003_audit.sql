-- The audit log: who did what in a workspace, when, and how it ended. Append-only: no one updates a row, and
-- rows are deleted only with their workspace (the deleting transaction names it in navo.erasing_tenant).
-- The actor is an id, never an e-mail: once an account is deleted, its id points at no one.
create table if not exists navo_audit (
    tenant_id  varchar(64) not null references navo_tenants (id) on delete cascade,
    id         bigint generated always as identity,
    at         timestamptz not null default now(),
    actor_id   uuid,
    actor_kind varchar(8) not null check (actor_kind in ('user', 'api-key', 'system')),
    action     varchar(64) not null,
    target     varchar(200),
    outcome    varchar(8) not null check (outcome in ('ok', 'denied', 'failed')),
    detail     jsonb,
    primary key (tenant_id, id)
);

create index if not exists ix_navo_audit_at on navo_audit (tenant_id, at);

create or replace function navo_audit_append_only() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.tenant_id = current_setting('navo.erasing_tenant', true) then
        return old;
    end if;
    raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
end
$$;

drop trigger if exists navo_audit_append_only on navo_audit;
create trigger navo_audit_append_only before update or delete on navo_audit
    for each row execute function navo_audit_append_only();

alter table navo_audit enable row level security;
drop policy if exists tenant_isolation on navo_audit;
create policy tenant_isolation on navo_audit
    using (tenant_id = current_setting('navo.tenant_id', true))
    with check (tenant_id = current_setting('navo.tenant_id', true));
grant select, insert on navo_audit to navo_tenant;
