-- pgbench script for bench/ingest.sh: the storage ceiling of one durable ping per
-- transaction. The same single-row INSERT into pings that one request would need
-- (a Prisma-like check with a unique client_event_id, its product and shape ids already known:
-- -D product=ID -D shape=ID),
-- committed on its own with synchronous_commit on; no HTTP, no JSON, no rollup.
\set sig random(0, 99999)
\set ci random(0, 3)
insert into pings (received_at, kind, product_id, shape_id, signature, ci, client_event_id,
  previous_client_event_id, project_hash, cli_path_hash, command, information,
  check_if_update_available, client_timestamp)
values (now(), 1, :product, :shape, md5(:sig::text)::uuid, :ci = 0, 'pgbench-' || gen_random_uuid(),
  gen_random_uuid()::text, substr(md5(random()::text), 1, 8), substr(md5(random()::text), 1, 8), 'generate', '',
  true, '2025-01-15T10:00:00Z');
