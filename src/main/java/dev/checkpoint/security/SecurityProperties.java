package dev.checkpoint.security;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of API authentication.
 *
 * @param bootstrapAdminToken an admin token accepted from configuration (e.g. the
 * {@code CHECKPOINT_SECURITY_BOOTSTRAP_ADMIN_TOKEN} environment variable), to create the
 * first real tokens: at least 32 characters ({@code openssl rand -hex 32}); unset or
 * blank disables it
 * @param tokenCacheTtl how long a token check, accepted or refused, is remembered; a
 * revocation reaches other instances within this time
 * @param setupTokenFile where a start that finds no ADMIN token and no bootstrap token
 * writes the one-time admin setup token (mode 0600); a relative path is resolved against
 * the working directory, beside the embedded PostgreSQL's {@code data/postgres}
 */
@ConfigurationProperties("checkpoint.security")
@Validated
record SecurityProperties(@Nullable String bootstrapAdminToken, @DefaultValue("10s") Duration tokenCacheTtl,
		@DefaultValue("data/admin-setup-token") Path setupTokenFile) {

	static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;

	/**
	 * Checked on this method rather than on the token, so that the refusal to start names
	 * the setting but never shows the token.
	 * @return whether the bootstrap token is unset, blank or long enough
	 */
	@AssertTrue(message = "checkpoint.security.bootstrap-admin-token must be at least " + MIN_BOOTSTRAP_TOKEN_LENGTH
			+ " characters (e.g. openssl rand -hex 32), or unset")
	boolean isBootstrapAdminTokenLongEnough() {
		return this.bootstrapAdminToken == null || this.bootstrapAdminToken.isBlank()
				|| this.bootstrapAdminToken.length() >= MIN_BOOTSTRAP_TOKEN_LENGTH;
	}

}
