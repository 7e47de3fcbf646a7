-- ShedLock's lock table: a scheduled job runs on one replica at a time. Rows are written
-- with the database's clock (UTC); a row outlives its job only until lock_until.
create table shedlock (
  name varchar(64) not null primary key,
  lock_until timestamptz not null,
  locked_at timestamptz not null,
  locked_by varchar(255) not null
);
