-- Who is exposed to each notice, per UTC day it was live (created, not yet retired),
-- computed with the day's other daily figures. Kept for ever, like the reports.
create table notice_exposure_days (
  notice_id integer not null references notices (id) on delete cascade,
  day date not null,
  -- developers with a ping that day on a version (and os/arch) the notice applies to
  exposed bigint not null,
  -- ... of which had been sent the notice by the day's end
  shown bigint not null,
  -- developers seen on an affected version on a day the notice was live whose latest ping
  -- by the day's end was on a version it does not apply to (counted when the day is first
  -- computed)
  moved bigint not null,
  primary key (notice_id, day)
);

-- Per notice, every developer seen on an affected version while it was live: when last,
-- and when last on an unaffected version. A developer has moved on while the latter is
-- later. Erased with the signature.
create table notice_exposed_developers (
  notice_id integer not null references notices (id) on delete cascade,
  signature uuid not null,
  last_affected_at timestamptz not null,
  last_unaffected_at timestamptz,
  primary key (notice_id, signature)
);

create index notice_exposed_developers_signature on notice_exposed_developers (signature);
