package dev.checkpoint.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.Signatures;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * One client check, parsed once: from the query of a {@code GET /v1/check} or from the
 * JSON body of a {@code POST}. Every value is already cleaned and truncated to its stored
 * limit (a ping is never refused for length); absent texts the clients always send are
 * {@code ""}. The stored ping, the catalogue's answer and the echoed fields all read it.
 */
record ClientCheck(String version, String os, String arch, @Nullable UUID signature, @Nullable Boolean ci,
		@Nullable String clientEventId, @Nullable String previousClientEventId, @Nullable String projectHash,
		@Nullable String cliPathHash, @Nullable String command, @Nullable String information, @Nullable String ciName,
		@Nullable String cliInstallType, @Nullable String nodeVersion, List<String> schemaProviders,
		List<String> schemaPreviewFeatures, List<String> schemaGeneratorsProviders, @Nullable String checkpointVersion,
		@Nullable Boolean checkIfUpdateAvailable, @Nullable String userAgent, @Nullable Instant clientTimestamp,
		String localTimestamp) {

	/**
	 * The query parameters of a GET, as Prisma's checkpoint-client and go-checkpoint send
	 * them.
	 */
	static ClientCheck fromQuery(MultiValueMap<String, String> params, @Nullable String userAgent) {
		return new ClientCheck(text(params.getFirst("version")), text(params.getFirst("os")),
				text(params.getFirst("arch")), Signatures.toUuid(params.getFirst("signature")),
				bool(params.getFirst("ci")), optional(params, "client_event_id"),
				optional(params, "previous_client_event_id"), optional(params, "project_hash"),
				optional(params, "cli_path_hash"),
				PingFactory.clean(params.getFirst("command"), PingFactory.LONG_LIMIT),
				PingFactory.clean(params.getFirst("information"), PingFactory.LONG_LIMIT), optional(params, "ci_name"),
				optional(params, "cli_install_type"), optional(params, "node_version"),
				list(params.get("schema_providers")), list(params.get("schema_preview_features")),
				list(params.get("schema_generators_providers")), optional(params, "checkpoint_version"),
				bool(params.getFirst("check_if_update_available")),
				PingFactory.clean(userAgent, PingFactory.USER_AGENT_LIMIT), null,
				text(params.getFirst("local_timestamp")));
	}

	/**
	 * The JSON body of a POST (already validated); its {@code user_agent} wins over the
	 * header.
	 * @throws org.springframework.web.ErrorResponseException 400 for a product other than
	 * the path's, or a timestamp that is not RFC 3339
	 */
	static ClientCheck fromJson(String product, CheckRequest body, @Nullable String userAgent) {
		if (body.product() != null && !body.product().equals(product)) {
			throw Problems.invalidField("product", "must match the product in the path");
		}
		Instant timestamp = Timestamps.parse(body.timestamp(), "timestamp").orElse(null);
		String agent = (body.userAgent() != null) ? body.userAgent() : userAgent;
		return new ClientCheck(text(body.version()), text(body.os()), text(body.arch()),
				Signatures.toUuid(body.signature()), null, null, null, null, null, null, null, null, null,
				shortText(body.nodeVersion()), List.of(), List.of(), List.of(), null, null,
				PingFactory.clean(agent, PingFactory.USER_AGENT_LIMIT), timestamp, "");
	}

	private static String text(@Nullable String value) {
		return Objects.requireNonNullElse(shortText(value), "");
	}

	private static @Nullable String shortText(@Nullable String value) {
		return PingFactory.clean(value, PingFactory.SHORT_LIMIT);
	}

	private static @Nullable String optional(MultiValueMap<String, String> params, String name) {
		return shortText(params.getFirst(name));
	}

	private static List<String> list(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.map(ClientCheck::shortText)
			.filter((value) -> value != null && !value.isEmpty())
			.limit(PingFactory.LIST_LIMIT)
			.map(Objects::requireNonNull)
			.toList();
	}

	private static @Nullable Boolean bool(@Nullable String value) {
		if ("true".equalsIgnoreCase(value)) {
			return Boolean.TRUE;
		}
		return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
	}

}
