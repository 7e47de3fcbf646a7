-- Crash reports sent by the CLI or Studio after the user agreed, grouped by fingerprint.
-- report_count is the number of stored reports of a group: the ingest upsert adds one and
-- the retention job subtracts what it deletes. A new report of a resolved group re-opens
-- it (regression): resolved_at and resolved_by are cleared.
create table error_groups (
  id uuid primary key default gen_random_uuid(),
  product text not null,
  fingerprint text not null,
  title text not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  report_count bigint not null default 0,
  resolved_at timestamptz,
  resolved_by text,
  constraint error_groups_product_fingerprint unique (product, fingerprint)
);

create index error_groups_ranking on error_groups (report_count desc, last_seen desc);

-- Message, stack trace and command are stored redacted (tokens, passwords, user names).
create table error_reports (
  id uuid primary key,
  group_id uuid not null references error_groups (id) on delete cascade,
  received_at timestamptz not null,
  product text not null,
  version text not null,
  os text,
  arch text,
  node_version text,
  signature uuid,
  command text,
  message text not null,
  stack_trace text
);

create index error_reports_group_received on error_reports (group_id, received_at desc);
create index error_reports_received_at on error_reports (received_at);
create index error_reports_product_version on error_reports (product, version);
