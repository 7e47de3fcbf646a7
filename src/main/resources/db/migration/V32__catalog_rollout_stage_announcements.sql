-- Up to when a rollout's scheduled stages have been announced (rollout.changed): a stage whose
-- time passes later is announced once, by whichever instance locks the row first.
alter table release_rollouts add column stages_told_up_to timestamptz;
update release_rollouts set stages_told_up_to = updated_at;
