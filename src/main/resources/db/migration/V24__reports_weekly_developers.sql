-- Weekly active developers beside the daily ones: distinct signatures over the 7 UTC days
-- ending with the day. The days computed so far are computed again (from their pings, by
-- the daily job) to fill it in.
alter table daily_reports add column weekly_developers bigint not null default 0;

delete from daily_computed;
