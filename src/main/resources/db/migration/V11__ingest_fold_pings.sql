-- Pings from one signature for one product inside a fold window (12 hours by default,
-- aligned to UTC) are stored as one activity row: received_at becomes the start of the
-- window, last_seen_at the time of the latest ping, hits the number of pings folded in.
-- Pings without a signature (and every ping when folding is off) keep one row each.

alter table pings add column hits integer not null default 1;
alter table pings add column last_seen_at timestamptz;

-- The fold key. It leads with the signature so that erasing one signature's rows is an
-- index lookup per partition.
create unique index pings_fold_key on pings (signature, received_at, product, kind);

-- The per-partition unique client_event_id indexes are replaced by the fold: a retried
-- ping folds into its signature's row instead (and the spool replays by batch id).
do $$
declare
  r record;
begin
  for r in
    select i.relname from pg_class i
    join pg_index x on x.indexrelid = i.oid
    join pg_inherits h on h.inhrelid = x.indrelid
    where h.inhparent = 'pings'::regclass and i.relname like 'pings\_%\_client\_event\_id'
  loop
    execute format('drop index %I', r.relname);
  end loop;
end
$$;
