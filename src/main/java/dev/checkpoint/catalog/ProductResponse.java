package dev.checkpoint.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A product as the admin API shows it: the {@link ProductView} fields plus when it was
 * created and retired ({@code retiredAt} is null while it is answered).
 */
record ProductResponse(String name, String packageName, String website, String installCommand, boolean publicPage,
		Instant createdAt, @Nullable Instant retiredAt) {

	static ProductResponse of(Product product) {
		return new ProductResponse(product.getName(), product.getPackageName(), product.getWebsite(),
				product.getInstallCommand(), product.isPublicPage(), product.getCreatedAt(), product.getRetiredAt());
	}

}
