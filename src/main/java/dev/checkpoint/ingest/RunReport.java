package dev.checkpoint.ingest;

import org.jspecify.annotations.Nullable;

/**
 * A go-checkpoint run report ({@code POST /v1/telemetry/{product}}) once parsed.
 *
 * @param signature the client's signature, may be empty
 * @param version the product version
 * @param os the client's os
 * @param arch the client's arch
 * @param details run_id, schema_version, start_time, end_time and payload as JSON text
 */
record RunReport(@Nullable String signature, @Nullable String version, @Nullable String os, @Nullable String arch,
		String details) {
}
