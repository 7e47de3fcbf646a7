package dev.checkpoint.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A release as the admin API shows it; {@code retiredAt} is null while it is answered,
 * {@code yankReason} set while it is yanked.
 */
record ReleaseResponse(String product, String version, String channel, Instant releasedAt, String downloadUrl,
		String changelogUrl, Instant createdAt, @Nullable Instant retiredAt, @Nullable String yankReason) {

	static ReleaseResponse of(Product product, Release release) {
		return new ReleaseResponse(product.getName(), release.getVersion(), release.getChannel(),
				release.getReleasedAt(), release.getDownloadUrl(), release.getChangelogUrl(), release.getCreatedAt(),
				release.getRetiredAt(), release.getYankReason());
	}

}
