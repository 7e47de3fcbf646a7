package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.checkpoint.shared.Signatures;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Builds stored pings from what clients send, truncating every value to its documented
 * limit (never rejecting a ping for length) and dropping characters PostgreSQL cannot
 * store.
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

	/** A check, from the query parameters of a GET (or the fields of a POST). */
	Ping check(String product, MultiValueMap<String, String> params, @Nullable String userAgent,
			@Nullable Instant clientTimestamp) {
		return check(product, params, signature(params), userAgent, clientTimestamp);
	}

	/** A check stored with the given signature (e.g. none once capped). */
	Ping check(String product, MultiValueMap<String, String> params, @Nullable UUID signature,
			@Nullable String userAgent, @Nullable Instant clientTimestamp) {
		return new Ping(this.clock.instant(), Ping.Kind.CHECK, product, text(params, "version"), text(params, "os"),
				text(params, "arch"), signature, bool(params.getFirst("ci")),
				optional(params, "client_event_id", SHORT_LIMIT),
				optional(params, "previous_client_event_id", SHORT_LIMIT),
				optional(params, "project_hash", SHORT_LIMIT), optional(params, "cli_path_hash", SHORT_LIMIT),
				optional(params, "command", LONG_LIMIT), optional(params, "information", LONG_LIMIT),
				optional(params, "ci_name", SHORT_LIMIT), optional(params, "cli_install_type", SHORT_LIMIT),
				optional(params, "node_version", SHORT_LIMIT), list(params, "schema_providers"),
				list(params, "schema_preview_features"), list(params, "schema_generators_providers"),
				optional(params, "checkpoint_version", SHORT_LIMIT), bool(params.getFirst("check_if_update_available")),
				clean(userAgent, USER_AGENT_LIMIT), clientTimestamp, null);
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

	/** The signature a check carries, as stored. */
	static @Nullable UUID signature(MultiValueMap<String, String> params) {
		return Signatures.toUuid(params.getFirst("signature"));
	}

	private static String nonNull(@Nullable String value) {
		return Objects.requireNonNullElse(clean(value, SHORT_LIMIT), "");
	}

	private static String text(MultiValueMap<String, String> params, String name) {
		return nonNull(params.getFirst(name));
	}

	private static @Nullable String optional(MultiValueMap<String, String> params, String name, int limit) {
		return clean(params.getFirst(name), limit);
	}

	private static List<String> list(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.map((value) -> clean(value, SHORT_LIMIT))
			.filter((value) -> value != null && !value.isEmpty())
			.limit(LIST_LIMIT)
			.map(Objects::requireNonNull)
			.toList();
	}

	private static @Nullable Boolean bool(@Nullable String value) {
		if ("true".equalsIgnoreCase(value)) {
			return Boolean.TRUE;
		}
		return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
	}

	/** Drops NUL and the list separator, and truncates to {@code limit} code points. */
	static @Nullable String clean(@Nullable String value, int limit) {
		if (value == null) {
			return null;
		}
		String cleaned = (value.indexOf('\0') >= 0 || value.indexOf(PingStore.LIST_SEPARATOR) >= 0)
				? value.replace("\0", "").replace(String.valueOf(PingStore.LIST_SEPARATOR), "") : value;
		if (cleaned.codePointCount(0, cleaned.length()) <= limit) {
			return cleaned;
		}
		return cleaned.substring(0, cleaned.offsetByCodePoints(0, limit));
	}

}
