-- The UTC days whose stored pings changed after the day was over: by a batch stored more
-- than PingTables.LATE_AFTER after its pings arrived (a slow write, or the spool replayed
-- after an outage), or by an erasure. Reports recompute these days and delete the rows.
create table ping_late_days (
  product text not null,
  day date not null,
  primary key (product, day)
);
