package dev.checkpoint.errorreports;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/**
 * A crash report as the CLI or Studio sends it to {@code POST /v1/errors/{product}}, once
 * its {@code consent} is confirmed to be JSON {@code true}. Text is free of NUL
 * characters but neither redacted nor truncated yet.
 */
record ErrorReportRequest(@Nullable String product,
		@NotBlank(message = "must not be blank: the version of the product that crashed") @Nullable String version,
		@Nullable String os, @Nullable String arch, @Nullable String nodeVersion, @Nullable String signature,
		@Nullable String command,
		@NotBlank(
				message = "must not be blank: the error message is what groups reports") @Nullable String errorMessage,
		@Nullable String stackTrace) {

	/** The JSON names of the text fields, in the order of the components. */
	static final String[] FIELDS = { "product", "version", "os", "arch", "node_version", "signature", "command",
			"error_message", "stack_trace" };

	/** The report to store, once validated: consent was given in the body. */
	CrashReport toCrashReport(String product) {
		return new CrashReport(product, Objects.requireNonNull(this.version), Consent.EXPLICIT, this.os, this.arch,
				this.nodeVersion, this.signature, this.command, Objects.requireNonNull(this.errorMessage),
				this.stackTrace, null, List.of());
	}

}
