package dev.checkpoint.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that serves local runs when no database URL is configured.
 *
 * @param enabled start it when {@code spring.datasource.url} is not set
 * @param dataDirectory where its data lives, kept across restarts
 * @param port its port; 0 picks a free one
 */
@ConfigurationProperties("checkpoint.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port) {
}
