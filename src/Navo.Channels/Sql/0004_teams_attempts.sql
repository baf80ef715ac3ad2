-- Teams' queue, like Slack's (0003_slack_attempts), retries a failing item with back-off and gives it up after a few
-- attempts. An attempt is counted (committed) before its work starts, so an item whose work stops the host every time
-- is given up too. next_at is when the item may be tried again; failed_at, with error, says it was given up.
alter table navo_teams_queue add column if not exists next_at timestamptz not null default now();
alter table navo_teams_queue add column if not exists failed_at timestamptz;
