-- Every accepted ping, one row each, in monthly range partitions that the application
-- creates ahead of time. No IP address is ever stored.

create table pings (
  received_at timestamptz not null,
  kind smallint not null, -- 1 = check, 2 = run report (POST /v1/telemetry)
  product text not null,
  version text not null,
  os text not null,
  arch text not null,
  -- the client's signature: the uuid itself where it parses, else a stable name-based uuid of its text
  signature uuid,
  ci boolean,
  client_event_id text,
  previous_client_event_id text,
  project_hash text,
  cli_path_hash text,
  command text,
  information text,
  ci_name text,
  cli_install_type text,
  node_version text,
  schema_providers text[],
  schema_preview_features text[],
  schema_generators_providers text[],
  checkpoint_version text,
  check_if_update_available boolean,
  user_agent text,
  client_timestamp timestamptz,
  details jsonb
) partition by range (received_at);

-- Monthly active developers, kept current in the same statement that stores the pings:
-- one row per product, UTC month and signature. days has bit d-1 set when the signature
-- was seen on day d of the month; non_ci is true once it was seen outside CI.
create table monthly_actives (
  product text not null,
  month date not null,
  signature uuid not null,
  days integer not null,
  non_ci boolean not null,
  primary key (product, month, signature)
);

-- checks that came without a signature, counted per product and month
create table monthly_anonymous (
  product text not null,
  month date not null,
  pings bigint not null,
  primary key (product, month)
);
