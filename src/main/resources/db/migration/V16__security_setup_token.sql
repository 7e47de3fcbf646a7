-- The one-time admin setup token (docs/admin.md): made at a start that finds no bootstrap
-- token configured and no live ADMIN token, deleted once a named ADMIN token is created.
-- Only its SHA-256 hash is kept, so every replica accepts it; the token itself is in a
-- file on the instance that made it. There is at most one row (id is always 1), and the
-- instances take an advisory lock before they read or change it.
create table admin_setup_token (
  id smallint primary key default 1 check (id = 1),
  token_hash text not null,
  created_at timestamptz not null
);
