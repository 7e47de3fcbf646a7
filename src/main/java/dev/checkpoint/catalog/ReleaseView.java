package dev.checkpoint.catalog;

import java.time.Instant;

/**
 * A published release of a product in one channel.
 */
public record ReleaseView(String version, String channel, Instant releasedAt, String downloadUrl, String changelogUrl) {
}
