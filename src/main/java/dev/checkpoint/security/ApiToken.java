package dev.checkpoint.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An API token; only its hash is stored.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "name", nullable = false)
	private String name = "";

	@Enumerated(EnumType.STRING)
	@Column(name = "role", nullable = false)
	private Role role = Role.OPERATOR;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash = "";

	@Column(name = "token_prefix", nullable = false)
	private String tokenPrefix = "";

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "created_by", nullable = false)
	private String createdBy = "";

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(String name, Role role, String tokenHash, String tokenPrefix, Instant createdAt, String createdBy) {
		this.name = name;
		this.role = role;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	Role getRole() {
		return this.role;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	@Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	void setRevokedAt(@Nullable Instant revokedAt) {
		this.revokedAt = revokedAt;
	}

}
