package dev.checkpoint.security;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The admin token from {@code checkpoint.security.bootstrap-admin-token}, for creating
 * the first real tokens. It cannot be revoked and never expires, so every start while it
 * is set logs a warning. Its holder is {@link #NAME} in the audit log, a name no API
 * token may take.
 */
@Component
class BootstrapAdminToken {

	static final String NAME = "bootstrap-admin";

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);

	private final Optional<String> hash;

	BootstrapAdminToken(SecurityProperties properties) {
		this.hash = Optional.ofNullable(properties.bootstrapAdminToken())
			.filter((token) -> !token.isBlank())
			.map(TokenHashes::hash);
		if (this.hash.isPresent()) {
			log.warn("checkpoint.security.bootstrap-admin-token is set: it grants ADMIN, never expires and cannot be "
					+ "revoked. Create a named ADMIN token (POST /api/admin/tokens), then unset it.");
		}
	}

	/** Whether a bootstrap token is set (then no setup token is made or accepted). */
	boolean isConfigured() {
		return this.hash.isPresent();
	}

	/** Whether {@code tokenHash} is the hash of the bootstrap token. */
	boolean matches(String tokenHash) {
		return this.hash.filter((bootstrap) -> TokenHashes.sameHash(bootstrap, tokenHash)).isPresent();
	}

}
