-- For endpoints told of crash-report spikes: how many times the group's usual hourly rate
-- (over the 7 days before the last hour) the last hour must exceed, and with at least how
-- many reports.
alter table webhook_endpoints add column spike_factor numeric check (spike_factor > 1);
alter table webhook_endpoints add column spike_min_reports integer check (spike_min_reports > 0);
