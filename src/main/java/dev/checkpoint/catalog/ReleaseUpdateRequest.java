package dev.checkpoint.catalog;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/admin/products/{name}/releases/{version}}: replaces a release's values
 * and brings a retired release back.
 *
 * @param channel the channel; derived from the version when absent
 * @param releasedAt when it was released; unchanged when absent
 * @param downloadUrl where to download it; "" when absent
 * @param changelogUrl where its changes are described; "" when absent
 */
record ReleaseUpdateRequest(@Pattern(regexp = CHANNEL, message = CHANNEL_MESSAGE) @Nullable String channel,
		@Nullable Instant releasedAt, @HttpUrl @Nullable String downloadUrl, @HttpUrl @Nullable String changelogUrl) {

	static final String CHANNEL = "[a-z0-9][a-z0-9._-]{0,31}";

	static final String CHANNEL_MESSAGE = "must be 1 to 32 lower-case letters, digits, dots, underscores or dashes";

}
