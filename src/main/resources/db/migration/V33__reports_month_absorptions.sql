-- The refresh of the current month absorbs the pings of closed fold windows on the days the
-- daily job has not computed yet (today, mostly): it adds their developers' values to
-- month_value_developers and month_value_counts (V21) and their pings per value to
-- month_absorbed_pings, so that each refresh reads only the windows still open.
-- absorbed_until: every such ping of the month received before it has been absorbed.
create table month_absorptions (
  month date primary key,
  absorbed_until timestamptz not null
);

-- the absorbed pings per value of a day not computed yet; the daily job deletes a day's rows
-- when it computes the day, in the same transaction as its daily_breakdowns
create table month_absorbed_pings (
  product text not null,
  day date not null,
  dimension text not null,
  value text not null,
  pings bigint not null,
  primary key (product, day, dimension, value)
);
