package dev.checkpoint.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.checkpoint.audit.AuditLog;
import dev.checkpoint.shared.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, lists, revokes and checks API tokens (and the bootstrap and setup tokens).
 * Checks are cached briefly so that the admin API costs no query per request; a
 * revocation clears this instance's cache at once. Refused tokens are cached apart, for
 * the same time: a client repeating a wrong token costs one lookup, and wrong tokens
 * never push live ones out of their cache.
 */
@Service
class ApiTokenService {

	private static final int CACHED_TOKENS = 10_000;

	private final ApiTokenRepository tokens;

	private final AuditLog auditLog;

	private final Clock clock;

	private final BootstrapAdminToken bootstrap;

	private final AdminSetupToken setupToken;

	private final Cache<String, TokenPrincipal> accepted;

	private final Cache<String, Boolean> refused;

	ApiTokenService(ApiTokenRepository tokens, AuditLog auditLog, Clock clock, BootstrapAdminToken bootstrap,
			AdminSetupToken setupToken, SecurityProperties properties) {
		this.tokens = tokens;
		this.auditLog = auditLog;
		this.clock = clock;
		this.bootstrap = bootstrap;
		this.setupToken = setupToken;
		this.accepted = Caffeine.newBuilder()
			.expireAfterWrite(properties.tokenCacheTtl())
			.maximumSize(CACHED_TOKENS)
			.build();
		this.refused = Caffeine.newBuilder()
			.expireAfterWrite(properties.tokenCacheTtl())
			.maximumSize(CACHED_TOKENS)
			.build();
	}

	/** The holder of a live token, if the token is one. */
	Optional<TokenPrincipal> authenticate(String token) {
		String hash = TokenHashes.hash(token);
		if (this.bootstrap.matches(hash)) {
			return Optional.of(new TokenPrincipal(BootstrapAdminToken.NAME, Role.ADMIN));
		}
		TokenPrincipal known = this.accepted.getIfPresent(hash);
		if (known != null) {
			return Optional.of(known);
		}
		if (this.refused.getIfPresent(hash) != null) {
			return Optional.empty();
		}
		Optional<TokenPrincipal> found = this.tokens.findByTokenHash(hash)
			.filter((candidate) -> candidate.getRevokedAt() == null)
			.map((live) -> new TokenPrincipal(live.getName(), live.getRole()));
		if (found.isPresent()) {
			this.accepted.put(hash, found.get());
			return found;
		}
		if (this.setupToken.matches(hash)) {
			// never cached: it stops working on every instance once an ADMIN token exists
			return Optional.of(new TokenPrincipal(AdminSetupToken.NAME, Role.ADMIN));
		}
		this.refused.put(hash, Boolean.TRUE);
		return Optional.empty();
	}

	/** Creates a token; the first live ADMIN token ends the setup token. */
	@Transactional
	CreatedToken create(String name, Role role, String createdBy) {
		if (role == Role.ADMIN) {
			this.setupToken.retire();
		}
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
		ApiToken token = this.tokens.findById(id)
			.orElseThrow(() -> Problems.notFound("Token not found", "No token has the id " + id + "."));
		if (token.getRevokedAt() == null) {
			token.setRevokedAt(this.clock.instant());
			this.auditLog.record("token.revoked", "api_token", String.valueOf(id), Map.of("name", token.getName()));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ApiTokenService.this.accepted.invalidateAll();
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
