package dev.checkpoint.ingest;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cap on product names outside the catalogue that one client address may bring in per
 * UTC day, when {@code checkpoint.ingest.unknown-products=store}.
 *
 * @param maxPerDay how many distinct unknown product names one address may have stored
 * per UTC day; pings of further ones are answered but not stored. A real client pings a
 * handful of products; a script inventing names is stopped after these
 * @param maxTracked most (address, product) pairs remembered in memory per instance
 * (about 100 bytes each)
 */
@ConfigurationProperties("checkpoint.ingest.new-products")
@Validated
record NewProductCapProperties(@DefaultValue("10") @Min(1) int maxPerDay,
		@DefaultValue("100000") @Min(1) long maxTracked) {

}
