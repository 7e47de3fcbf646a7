-- The values each developer was seen with on the computed days of a month that is not final
-- yet (one row per product, month and signature, one array per dimension), so that
-- refreshing the current month's breakdowns reads only the days not computed yet (today,
-- mostly) and looks up each of their developers once: a developer counts once per value of
-- the month. Deleted when the month gets its final report.
create table month_value_developers (
  product text not null,
  month date not null,
  signature uuid not null,
  version_values text[] not null,
  os_values text[] not null,
  arch_values text[] not null,
  node_version_values text[] not null,
  ci_values text[] not null,
  primary key (product, month, signature)
);

-- the month's developers per value on its computed days (the rows above holding the value)
create table month_value_counts (
  product text not null,
  month date not null,
  dimension text not null,
  value text not null,
  developers bigint not null,
  primary key (product, month, dimension, value)
);

-- months whose rows above no longer match the pings (a computed day changed late, or an
-- erasure): their next refresh recomputes them from the month's pings and rebuilds the rows
create table month_rebuilds (
  month date primary key
);
