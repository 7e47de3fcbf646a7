package dev.checkpoint.catalog;

import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hands {@code checkpoint.catalog.demo-data} to the migrations as the Flyway placeholder
 * {@value #NAME}: migration V17 keeps the demo catalogue of V2 when it is {@code true}
 * and removes what of it is unused when it is {@code false}.
 */
@Component
class DemoDataPlaceholder implements FlywayConfigurationCustomizer {

	static final String NAME = "catalog_demo_data";

	private final CatalogProperties properties;

	DemoDataPlaceholder(CatalogProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
		placeholders.put(NAME, Boolean.toString(this.properties.demoData()));
		configuration.placeholders(placeholders);
	}

}
