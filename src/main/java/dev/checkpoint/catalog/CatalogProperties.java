package dev.checkpoint.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-memory catalogue.
 *
 * @param refreshInterval how often the catalogue (and other instances' notice deliveries)
 * are reloaded
 * @param suppressRepeatedAlerts send each notice only once to a signature
 */
@ConfigurationProperties("checkpoint.catalog")
record CatalogProperties(@DefaultValue("5s") Duration refreshInterval,
		@DefaultValue("true") boolean suppressRepeatedAlerts) {
}
