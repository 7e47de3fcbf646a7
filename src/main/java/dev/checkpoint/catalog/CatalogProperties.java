package dev.checkpoint.catalog;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the in-memory catalogue.
 *
 * @param refreshInterval how often the catalogue (and other instances' notice deliveries)
 * are reloaded
 * @param suppressRepeatedAlerts send each notice only once to a signature
 * @param deliveries how the notices already sent to each signature are remembered
 */
@ConfigurationProperties("checkpoint.catalog")
@Validated
record CatalogProperties(@DefaultValue("5s") Duration refreshInterval,
		@DefaultValue("true") boolean suppressRepeatedAlerts, @DefaultValue @Valid Deliveries deliveries) {

	/**
	 * The notices already sent to each signature ({@code notice_deliveries}).
	 *
	 * @param cacheSize most (notice, signature) deliveries kept in memory per instance,
	 * about 120 bytes each; a check that misses them asks the database only when the
	 * filter says the signature may have had the notice
	 * @param filterSize how many deliveries the in-memory filter is sized for, about 1.2
	 * bytes each; with more stored deliveries than that, more checks ask the database
	 */
	record Deliveries(@DefaultValue("100000") @Min(1) @Max(10_000_000) int cacheSize,
			@DefaultValue("2000000") @Min(1000) @Max(100_000_000) int filterSize) {
	}

}
