-- One UTC day of a product, computed once the day is over from that day's pings (and again
-- when ingest marks the day in ping_late_days). Kept forever, as the monthly reports are.
create table daily_reports (
  product text not null,
  day date not null,
  -- distinct non-empty signatures with a ping that day
  developers bigint not null,
  -- ... of which seen at least once that day outside CI (ci not true)
  developers_excluding_ci bigint not null,
  -- all pings of the day, with or without a signature
  pings bigint not null,
  -- pings that came without a signature
  anonymous_pings bigint not null,
  primary key (product, day)
);

-- the day's developers and pings split by one dimension, as mau_breakdowns splits a month
create table daily_breakdowns (
  product text not null,
  day date not null,
  dimension text not null check (dimension in ('version', 'os', 'arch', 'node_version', 'ci')),
  value text not null,
  developers bigint not null,
  pings bigint not null,
  primary key (product, day, dimension, value),
  foreign key (product, day) references daily_reports (product, day) on delete cascade
);

-- the days computed (for every product at once): a day without a product's row had no
-- pings of it
create table daily_computed (
  day date primary key,
  computed_at timestamptz not null
);
