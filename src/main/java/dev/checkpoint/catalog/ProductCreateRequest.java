package dev.checkpoint.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.checkpoint.shared.ProductNames;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/products}: a new product; optional texts default to "".
 *
 * @param name the product name used in client routes
 * @param packageName the npm (or other) package name
 * @param website the project website
 * @param installCommand the install command with {package} and {tag} placeholders
 * @param publicPage whether {@code /public/{name}} publishes its aggregate usage (off
 * when absent)
 */
record ProductCreateRequest(
		@NotNull(message = "must not be null") @Pattern(regexp = ProductNames.PATTERN,
				message = "must be 1 to 64 letters, digits, dots, underscores or dashes") @Nullable String name,
		@Size(max = 214, message = "must be at most 214 characters") @Nullable String packageName,
		@HttpUrl @Nullable String website,
		@Size(max = 500, message = "must be at most 500 characters") @Nullable String installCommand,
		@Nullable Boolean publicPage) {
}
