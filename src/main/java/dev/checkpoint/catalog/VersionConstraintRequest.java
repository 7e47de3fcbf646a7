package dev.checkpoint.catalog;

import java.util.List;

import dev.checkpoint.shared.Version;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/admin/version-constraints/{service}/{product}}: the versions a service
 * works with. "" (or absent) means no bound.
 *
 * @param minimum the lowest version that works
 * @param maximum the highest version that works
 * @param excluding versions in between that do not work
 */
record VersionConstraintRequest(
		@ValidVersion @Size(max = 64, message = "must be at most 64 characters") @Nullable String minimum,
		@ValidVersion @Size(max = 64, message = "must be at most 64 characters") @Nullable String maximum,
		@Size(max = 100, message = "must have at most 100 versions") @Nullable List<@NotBlank(
				message = "must not be blank") @ValidVersion String> excluding) {

	@AssertTrue(message = "minimum must not be greater than maximum")
	boolean isOrdered() {
		if (this.minimum == null || this.minimum.isEmpty() || this.maximum == null || this.maximum.isEmpty()) {
			return true;
		}
		return Version.parse(this.minimum)
			.flatMap((min) -> Version.parse(this.maximum).map((max) -> min.compareTo(max) <= 0))
			.orElse(true);
	}

}
