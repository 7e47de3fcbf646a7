package dev.checkpoint.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API authentication.
 *
 * @param bootstrapAdminToken an admin token accepted from configuration (e.g. the
 * {@code CHECKPOINT_SECURITY_BOOTSTRAP_ADMIN_TOKEN} environment variable), to create the
 * first real tokens; unset disables it
 * @param tokenCacheTtl how long a token check is remembered; a revocation reaches other
 * instances within this time
 */
@ConfigurationProperties("checkpoint.security")
record SecurityProperties(@Nullable String bootstrapAdminToken, @DefaultValue("10s") Duration tokenCacheTtl) {
}
