package dev.checkpoint.catalog;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/admin/products/{name}}: replaces the product's values (absent ones
 * become ""), and brings a retired product back.
 *
 * @param packageName the npm (or other) package name
 * @param website the project website
 * @param installCommand the install command with {package} and {tag} placeholders
 * @param publicPage whether {@code /public/{name}} publishes its aggregate usage (off
 * when absent, like every other value)
 */
record ProductUpdateRequest(@Size(max = 214, message = "must be at most 214 characters") @Nullable String packageName,
		@HttpUrl @Nullable String website,
		@Size(max = 500, message = "must be at most 500 characters") @Nullable String installCommand,
		@Nullable Boolean publicPage) {
}
