package dev.checkpoint.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.checkpoint.shared.StoredText;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Builds stored pings from parsed checks and run reports, and holds the stored limits:
 * every value is truncated to its limit (a ping is never refused for length), and
 * characters PostgreSQL cannot store are dropped.
 */
@Component
class PingFactory {

	static final int SHORT_LIMIT = 128;

	static final int LONG_LIMIT = 4096;

	static final int USER_AGENT_LIMIT = 512;

	static final int LIST_LIMIT = 100;

	private final Clock clock;

	PingFactory(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The ping of a check, stored with the given signature (the check's own, or none once
	 * capped).
	 */
	Ping check(String product, ClientCheck check, @Nullable UUID signature) {
		return new Ping(this.clock.instant(), Ping.Kind.CHECK, product, check.version(), check.os(), check.arch(),
				signature, check.ci(), check.clientEventId(), check.previousClientEventId(), check.projectHash(),
				check.cliPathHash(), check.command(), check.information(), check.ciName(), check.cliInstallType(),
				check.nodeVersion(), check.schemaProviders(), check.schemaPreviewFeatures(),
				check.schemaGeneratorsProviders(), check.checkpointVersion(), check.checkIfUpdateAvailable(),
				check.userAgent(), check.clientTimestamp(), null);
	}

	/**
	 * A go-checkpoint run report, with its run details kept as JSON, stored with the
	 * given signature (the report's own, or none once capped).
	 */
	Ping runReport(String product, RunReport report, @Nullable UUID signature, @Nullable String userAgent) {
		return new Ping(this.clock.instant(), Ping.Kind.RUN_REPORT, product, nonNull(report.version()),
				nonNull(report.os()), nonNull(report.arch()), signature, null, null, null, null, null, null, null, null,
				null, null, List.of(), List.of(), List.of(), null, null, clean(userAgent, USER_AGENT_LIMIT), null,
				report.details());
	}

	private static String nonNull(@Nullable String value) {
		return Objects.requireNonNullElse(clean(value, SHORT_LIMIT), "");
	}

	/**
	 * The value as stored: without NUL and the {@link PingShapes#LIST_SEPARATOR list
	 * separator}, cut to {@code limit} code points.
	 */
	static @Nullable String clean(@Nullable String value, int limit) {
		return StoredText.clean(value, limit, PingShapes.LIST_SEPARATOR);
	}

}
