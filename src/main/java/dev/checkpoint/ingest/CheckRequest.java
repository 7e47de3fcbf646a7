package dev.checkpoint.ingest;

import jakarta.validation.constraints.Pattern;

import dev.checkpoint.shared.ProductNames;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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

	/** The fields under their query-parameter names, as a GET would carry them. */
	MultiValueMap<String, String> asParameters() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		put(params, "version", this.version);
		put(params, "arch", this.arch);
		put(params, "os", this.os);
		put(params, "node_version", this.nodeVersion);
		put(params, "signature", this.signature);
		return params;
	}

	private static void put(MultiValueMap<String, String> params, String name, @Nullable String value) {
		if (value != null) {
			params.add(name, value);
		}
	}

}
