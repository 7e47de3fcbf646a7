package dev.checkpoint.catalog;

import java.util.List;

/**
 * The answer of {@code GET /v1/versions/{service}}: which versions of a product a service
 * works with. Empty strings and an empty list mean no constraint.
 */
public record VersionConstraintsView(String minimum, String maximum, List<String> excluding) {

	public static final VersionConstraintsView NONE = new VersionConstraintsView("", "", List.of());

}
