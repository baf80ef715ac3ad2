-- navo_release_slug as a procedure: projections write in the batch Marten commits events with, where every statement
-- must return no rows (a "select f()" would hand Marten a result it does not expect).
create or replace procedure navo_free_slug(p_slug text)
language sql security definer set search_path = public as $$
    delete from navo_live_sites where slug = p_slug and status = 'deleted'
$$;
grant execute on procedure navo_free_slug(text) to navo_tenant;
