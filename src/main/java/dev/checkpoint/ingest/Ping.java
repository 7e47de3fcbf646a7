package dev.checkpoint.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One accepted ping, as stored: one row of {@code pings}. Strings are already truncated
 * to their stored limits.
 */
record Ping(Instant receivedAt, Kind kind, String product, String version, String os, String arch,
		@Nullable UUID signature, @Nullable Boolean ci, @Nullable String clientEventId,
		@Nullable String previousClientEventId, @Nullable String projectHash, @Nullable String cliPathHash,
		@Nullable String command, @Nullable String information, @Nullable String ciName,
		@Nullable String cliInstallType, @Nullable String nodeVersion, List<String> schemaProviders,
		List<String> schemaPreviewFeatures, List<String> schemaGeneratorsProviders, @Nullable String checkpointVersion,
		@Nullable Boolean checkIfUpdateAvailable, @Nullable String userAgent, @Nullable Instant clientTimestamp,
		@Nullable String details) {

	enum Kind {

		CHECK(1), RUN_REPORT(2);

		final short code;

		Kind(int code) {
			this.code = (short) code;
		}

	}

}
