package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A release's rollout as the admin API shows it.
 *
 * @param product the product
 * @param version the release
 * @param state active, paused or aborted
 * @param percent the share answered the release now
 * @param complete whether every client is answered it now
 * @param stages the schedule
 * @param pausedAt when it was paused, or null
 */
record RolloutResponse(String product, String version, String state, double percent, boolean complete,
		List<Rollout.Stage> stages, @Nullable Instant pausedAt) {

	static RolloutResponse of(String product, String version, Rollout rollout, Instant now) {
		return new RolloutResponse(product, version, rollout.state().key(), rollout.percentAt(now),
				rollout.completeAt(now), rollout.stages(), rollout.pausedAt());
	}

}
