-- Weekly active developers beside the daily ones: distinct signatures over the 7 UTC days
-- ending with the day.
alter table daily_reports add column weekly_developers bigint not null default 0;

-- The month's developers so far: distinct signatures from the month's first day through
-- this one (monthly_actives knows each developer's first day in the month), so that a day
-- of this month compares with the same day of the last one.
alter table daily_reports add column month_developers bigint not null default 0;

-- The days computed so far are computed again (from their pings, by the daily job) to fill
-- both in.
delete from daily_computed;
