package dev.checkpoint.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.checkpoint.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, lists, revokes and checks API tokens. Checks are cached briefly so that the
 * admin API costs no query per request; a revocation clears this instance's cache at
 * once.
 */
@Service
class ApiTokenService {

	private final ApiTokenRepository tokens;

	private final AuditLog auditLog;

	private final Clock clock;

	private final BootstrapAdminToken bootstrap;

	private final Cache<String, Optional<TokenPrincipal>> checked;

	ApiTokenService(ApiTokenRepository tokens, AuditLog auditLog, Clock clock, BootstrapAdminToken bootstrap,
			SecurityProperties properties) {
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.clock = clock;
		this.bootstrap = bootstrap;
		this.checked = Caffeine.newBuilder().expireAfterWrite(properties.tokenCacheTtl()).maximumSize(10_000).build();
	}

	/** The holder of a live token, if the token is one. */
	Optional<TokenPrincipal> authenticate(String token) {
		String hash = TokenHashes.hash(token);
		if (this.bootstrap.matches(hash)) {
			return Optional.of(new TokenPrincipal(BootstrapAdminToken.NAME, Role.ADMIN));
		}
		return this.checked.get(hash,
				(key) -> this.tokens.findByTokenHash(key)
					.filter((found) -> found.getRevokedAt() == null)
					.map((found) -> new TokenPrincipal(found.getName(), found.getRole())));
	}

	@Transactional
	CreatedToken create(String name, Role role, String createdBy) {
		String secret = TokenHashes.newToken();
		ApiToken token = this.tokens.save(new ApiToken(name, role, TokenHashes.hash(secret),
				secret.substring(0, TokenHashes.PREFIX.length() + 6), this.clock.instant(), createdBy));
		this.auditLog.record("token.created", "api_token", String.valueOf(token.getId()),
				Map.of("name", name, "role", role.name(), "token_prefix", token.getTokenPrefix()));
		return new CreatedToken(token, secret);
	}

	@Transactional(readOnly = true)
	List<ApiToken> list() {
		return this.tokens.findAllByOrderByIdAsc();
	}

	@Transactional
	ApiToken revoke(long id) {
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> TokenNotFoundException.forId(id));
		if (token.getRevokedAt() == null) {
			token.setRevokedAt(this.clock.instant());
			this.auditLog.record("token.revoked", "api_token", String.valueOf(id), Map.of("name", token.getName()));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ApiTokenService.this.checked.invalidateAll();
				}
			});
		}
		return token;
	}

	record TokenPrincipal(String name, Role role) {
	}

	record CreatedToken(ApiToken token, String secret) {
	}

}
