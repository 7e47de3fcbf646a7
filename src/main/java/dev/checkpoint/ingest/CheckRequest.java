package dev.checkpoint.ingest;

import jakarta.validation.constraints.Pattern;

import dev.checkpoint.shared.ProductNames;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/check/{product}}: the same ping as the GET, as JSON. Every
 * field is optional; present ones are checked.
 */
record CheckRequest(
		@Nullable @Pattern(regexp = ProductNames.PATTERN,
				message = "must be 1 to 64 letters, digits, dots, underscores or dashes") String product,
		@Nullable @Size(max = 64, message = "must be at most 64 characters") String version,
		@Nullable @Size(max = 32, message = "must be at most 32 characters") String arch,
		@Nullable @Size(max = 32, message = "must be at most 32 characters") String os,
		@Nullable @Size(max = 64, message = "must be at most 64 characters") String nodeVersion,
		@Nullable @Size(max = 128, message = "must be at most 128 characters") String signature,
		@Nullable @Size(max = 512, message = "must be at most 512 characters") String userAgent,
		@Nullable @Size(max = 64, message = "must be at most 64 characters") String timestamp) {

}
