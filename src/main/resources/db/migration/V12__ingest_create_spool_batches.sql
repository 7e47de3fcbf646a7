-- Spooled ping batches already stored, by the batch id written in their spool file. A batch
-- is recorded in the same transaction as its pings, so a file replayed twice (a crash between
-- the commit and the file's deletion) is stored once. Ids older than
-- checkpoint.ingest.spool.applied-retention are deleted by the replayer.
create table ingest_spool_batches (
  id uuid primary key,
  applied_at timestamptz not null default now()
);
