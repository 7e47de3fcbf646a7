package dev.checkpoint.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/products/{name}/releases/{version}/yank}: withdraws a release
 * that must not be used, saying why. Clients on it are answered the release before it as
 * current, told they are outdated, and (unless {@code alert} is false) sent the reason as
 * an alert, once per signature, like any notice.
 *
 * @param reason why (the alert's message), e.g. "2.0.0 corrupts the cache; use 2.0.1"
 * @param url where to read more
 * @param level the alert's level: {@code info}, {@code warning} (when absent) or
 * {@code critical}
 * @param alert whether clients on the version are sent the reason (when absent: yes)
 */
record YankRequest(
		@NotBlank(message = "must not be blank") @Size(max = 1000,
				message = "must be at most 1000 characters") @Nullable String reason,
		@HttpUrl @Nullable String url, @Pattern(regexp = "info|warning|critical",
				message = "must be one of info, warning, critical") @Nullable String level,
		@Nullable Boolean alert) {
}
