-- The reply posted for a queued Teams activity, recorded (committed on its own) as soon as the Connector gives its id.
-- An attempt that runs again after the reply was posted but before the item was marked done (the host stopped, or lost
-- its database) replaces that reply in place instead of posting it twice. queue_id is not a foreign key: the worker
-- holds its queue row locked (for update) for the whole turn, and checking a reference to it would wait on that lock.
create table if not exists navo_teams_replies (
    queue_id    bigint primary key,
    activity_id varchar(256) not null,
    posted_at   timestamptz not null default now()
);
