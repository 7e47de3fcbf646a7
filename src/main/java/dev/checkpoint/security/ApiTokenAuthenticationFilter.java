package dev.checkpoint.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.checkpoint.security.ApiTokenService.TokenPrincipal;
import dev.checkpoint.shared.RateLimitExceededException;
import dev.checkpoint.shared.RateLimits;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}, or Basic with the token as
 * password (so a browser can open the dashboard). A token that is not live is refused
 * with 401 at once, and counts against the client address's {@value #AUTH_FAILURES}
 * limit: once that is used up, every request with a token from the address is refused
 * with 429 before the token is looked up, until the bucket refills. The public routes are
 * never touched: a token sent there is ignored.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String AUTH_FAILURES = "auth-failures";

	private final ApiTokenService tokens;

	private final RateLimits rateLimits;

	private final RequestMatcher publicRoutes;

	private final ProblemResponses problems;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, RateLimits rateLimits, RequestMatcher publicRoutes,
			ProblemResponses problems) {
		this.tokens = tokens;
		this.rateLimits = rateLimits;
		this.publicRoutes = publicRoutes;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.publicRoutes.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> token = token(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<TokenPrincipal> principal;
		try {
			this.rateLimits.check(AUTH_FAILURES, request);
			principal = this.tokens.authenticate(token.get());
			if (principal.isEmpty()) {
				this.rateLimits.consume(AUTH_FAILURES, request);
			}
		}
		catch (RateLimitExceededException ex) {
			this.problems.tooManyFailures(response, ex);
			return;
		}
		if (principal.isEmpty()) {
			this.problems.commence(request, response,
					new InsufficientAuthenticationException("Unknown or revoked token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get().name(), null,
				principal.get().role().authorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private static Optional<String> token(String header) {
		if (header == null) {
			return Optional.empty();
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(header.substring(7).trim());
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of((colon >= 0) ? decoded.substring(colon + 1) : decoded);
			}
			catch (IllegalArgumentException ex) {
				return Optional.of("");
			}
		}
		return Optional.of("");
	}

}
