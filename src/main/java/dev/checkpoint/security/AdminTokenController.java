package dev.checkpoint.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/tokens}: create (the token is shown once), list and revoke API
 * tokens.
 */
@RestController
@RequestMapping("/api/admin/tokens")
class AdminTokenController {

	private final ApiTokenService tokens;

	AdminTokenController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	ResponseEntity<CreatedTokenResponse> create(@Valid @RequestBody CreateTokenRequest request,
			Authentication authentication) {
		ApiTokenService.CreatedToken created = this.tokens.create(request.name().trim(),
				Role.valueOf(request.role().toUpperCase(Locale.ROOT)), authentication.getName());
		ApiToken token = created.token();
		return ResponseEntity.created(URI.create("/api/admin/tokens/" + token.getId()))
			.body(new CreatedTokenResponse(token.getId(), token.getName(), token.getRole().name(), created.secret(),
					token.getTokenPrefix(), token.getCreatedAt()));
	}

	@GetMapping
	List<TokenResponse> list() {
		return this.tokens.list().stream().map(TokenResponse::of).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param name who holds the token, as the audit log names them; never the bootstrap
	 * or setup token's name, so that an entry of theirs cannot be mistaken for one of a
	 * token's
	 * @param role ADMIN or OPERATOR
	 */
	record CreateTokenRequest(
			@NotBlank(message = "must not be blank") @Size(max = 100,
					message = "must be at most 100 characters") @Pattern(
							regexp = "(?is)(?!\\s*(" + BootstrapAdminToken.NAME + "|" + AdminSetupToken.NAME
									+ ")\\s*$).*",
							message = "is reserved for the bootstrap and setup tokens") String name,
			@NotBlank(message = "must be ADMIN or OPERATOR") @Pattern(regexp = "(?i)ADMIN|OPERATOR",
					message = "must be ADMIN or OPERATOR") String role) {
	}

	record CreatedTokenResponse(@Nullable Long id, String name, String role, String token, String tokenPrefix,
			Instant createdAt) {
	}

	record TokenResponse(@Nullable Long id, String name, String role, String tokenPrefix, Instant createdAt,
			String createdBy, @Nullable Instant revokedAt) {

		static TokenResponse of(ApiToken token) {
			return new TokenResponse(token.getId(), token.getName(), token.getRole().name(), token.getTokenPrefix(),
					token.getCreatedAt(), token.getCreatedBy(), token.getRevokedAt());
		}

	}

}
