package dev.checkpoint.catalog;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/products/{name}/releases}: publishes a version.
 *
 * @param version the version, e.g. {@code 6.1.0} or {@code 5.13.0-dev.13}
 * @param channel the channel; derived from the version when absent ({@code dev} for
 * {@code 5.13.0-dev.13}, else {@code latest})
 * @param releasedAt when it was released; now when absent
 * @param downloadUrl where to download it
 * @param changelogUrl where its changes are described
 * @param rollout a staged rollout: answered to a share of its channel's clients only (all
 * of them at once when absent)
 */
record ReleaseCreateRequest(
		@NotBlank(message = "must not be blank") @Size(max = 64,
				message = "must be at most 64 characters") @ValidVersion @Nullable String version,
		@Pattern(regexp = ReleaseUpdateRequest.CHANNEL,
				message = ReleaseUpdateRequest.CHANNEL_MESSAGE) @Nullable String channel,
		@Nullable Instant releasedAt, @HttpUrl @Nullable String downloadUrl, @HttpUrl @Nullable String changelogUrl,
		@Valid @Nullable RolloutRequest rollout) {
}
