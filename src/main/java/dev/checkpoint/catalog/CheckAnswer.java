package dev.checkpoint.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the catalogue says to one client: the latest release of its channel, whether it is
 * outdated, and the notices that apply to its version and platform.
 *
 * @param product the product
 * @param channel the release channel answered ("latest", "dev", ...)
 * @param current the latest release of that channel, null when none is published
 * @param outdated whether the client's version precedes {@code current}
 * @param alerts the notices that apply, never null
 */
public record CheckAnswer(ProductView product, String channel, @Nullable ReleaseView current, boolean outdated,
		List<AlertView> alerts) {
}
