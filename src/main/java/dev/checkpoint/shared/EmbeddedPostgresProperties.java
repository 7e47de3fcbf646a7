package dev.checkpoint.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that serves local runs when no database URL is configured.
 *
 * @param enabled start it when {@code spring.datasource.url} is not set; {@code false}
 * (the container image's setting) makes the server refuse to start without that URL
 * @param dataDirectory where its data lives, kept across restarts; its password is kept
 * beside it in {@code <data-directory>.password} (mode 0600)
 * @param port its port; 0 picks a free one
 * @param orphanStopTimeout how long a postmaster left running on this data directory by a
 * previous process (whose JVM died) may take to shut down before it is killed
 */
@ConfigurationProperties("checkpoint.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("30s") Duration orphanStopTimeout) {
}
