-- Monthly active developers per product and UTC calendar month, computed by the reports
-- jobs from monthly_actives / monthly_anonymous (headline figures) and from the month's raw
-- pings (breakdowns). Reads never touch pings. Kept forever: raw pings are not.
create table mau_reports (
  product text not null,
  month date not null check (extract(day from month) = 1),
  -- distinct non-empty signatures with a ping in the month
  developers bigint not null,
  -- ... of which seen at least once outside CI (ci not true)
  developers_excluding_ci bigint not null,
  -- ... of which seen on two or more distinct UTC days of the month
  returning_developers bigint not null,
  -- pings that came without a signature
  anonymous_pings bigint not null,
  -- true once the month has ended and was computed for the last time
  final boolean not null default false,
  computed_at timestamptz not null,
  primary key (product, month)
);

-- the month's developers (distinct signatures) and pings split by one dimension
create table mau_breakdowns (
  product text not null,
  month date not null,
  dimension text not null check (dimension in ('version', 'os', 'arch', 'node_version', 'ci')),
  value text not null,
  developers bigint not null,
  pings bigint not null,
  primary key (product, month, dimension, value),
  foreign key (product, month) references mau_reports (product, month) on delete cascade
);
