-- A staged rollout of a release: from stage_times[i] on, percents[i] % of its channel's clients
-- with a signature are answered it instead of the release before it (chosen by a stable hash of
-- signature, product and version). paused holds paused_percent; aborted answers it to no one.
create table release_rollouts (
  release_id bigint primary key references releases (id) on delete cascade,
  percents numeric[] not null,
  stage_times timestamptz[] not null,
  state text not null check (state in ('active', 'paused', 'aborted')),
  paused_at timestamptz,
  paused_percent numeric,
  updated_at timestamptz not null,
  check (cardinality(percents) = cardinality(stage_times) and cardinality(percents) > 0)
);
