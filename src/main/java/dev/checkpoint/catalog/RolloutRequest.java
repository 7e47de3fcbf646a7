package dev.checkpoint.catalog;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A staged rollout of a release: either one share ({@code percent}, from now, held until
 * an admin advances it) or a schedule ({@code stages}, shares rising, each from its time;
 * the first from now when it has none). A schedule that ends under 100 % holds its last
 * share until advanced.
 *
 * @param percent the share of clients with a signature answered the release
 * @param stages the schedule
 */
record RolloutRequest(
		@DecimalMin(value = "0.01", message = "must be from 0.01 to 100") @DecimalMax(value = "100",
				message = "must be from 0.01 to 100") @Nullable Double percent,
		@Size(min = 1, max = 20, message = "must have 1 to 20 stages") @Nullable List<@Valid StageRequest> stages) {

	/**
	 * @param percent the share from {@code at} on
	 * @param at when the stage starts (RFC 3339); the first stage's defaults to now
	 */
	record StageRequest(@NotNull(message = "must not be null") @DecimalMin(value = "0.01",
			message = "must be from 0.01 to 100") @DecimalMax(value = "100",
					message = "must be from 0.01 to 100") @Nullable Double percent,
			@Nullable Instant at) {
	}

}
