package dev.checkpoint.catalog;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param demoData keep the demo catalogue (the products prisma and terraform with one
 * release each, seeded by migration V2) when migration V17 runs; off, V17 removes them
 * unless they are in real use. Read only by that migration ({@link DemoDataPlaceholder})
 */
@ConfigurationProperties("checkpoint.catalog")
@Validated
record CatalogProperties(@DefaultValue("5s") Duration refreshInterval,
		@DefaultValue("true") boolean suppressRepeatedAlerts, @DefaultValue @Valid Deliveries deliveries,
		@DefaultValue("false") boolean demoData) {

	/**
	 * The notices already sent to each signature ({@code notice_deliveries}).
	 *
	 * @param cacheSize most (notice, signature) deliveries kept in memory per instance,
	 * about 120 bytes each; a check that misses them asks the database only when the
	 * filter says the signature may have had the notice
	 * @param filterSize how many deliveries the in-memory filter is sized for, about 1.2
	 * bytes each; with more stored deliveries than that, more checks ask the database
	 * @param retention how long a delivery is remembered; after it, the signature is sent
	 * the notice again (if it still applies)
	 * @param retentionCron when deliveries older than the retention, and those of retired
	 * notices, are deleted (server time zone, Spring's six-field format, {@code -} for
	 * never; daily at 03:45, after the crash report retention)
	 */
	record Deliveries(@DefaultValue("100000") @Min(1) @Max(10_000_000) int cacheSize,
			@DefaultValue("2000000") @Min(1000) @Max(100_000_000) int filterSize,
			@DefaultValue("90d") @DurationMin(days = 1) Duration retention,
			@DefaultValue("0 45 3 * * *") @NotBlank String retentionCron) {
	}

}
