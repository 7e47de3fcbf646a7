package dev.checkpoint.ingest;

import java.io.IOException;

import dev.checkpoint.shared.ProblemJson;
import dev.checkpoint.shared.RateLimitExceededException;
import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits the client routes per client address before anything else happens to them
 * (before their body is read and long before the ping waits for its commit): limit
 * {@code pings} for {@code /v1/check} and {@code /v1/telemetry}, limit {@code versions}
 * for {@code /v1/versions}. Refused requests get 429 problem+json with Retry-After.
 */
@Component
@Order(-95)
class PingRateLimiter extends OncePerRequestFilter {

	private final RateLimits rateLimits;

	private final JsonMapper json;

	PingRateLimiter(RateLimits rateLimits, JsonMapper json) {
		this.rateLimits = rateLimits;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limit(request.getRequestURI()) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.rateLimits.consume(limit(request.getRequestURI()), request);
		}
		catch (RateLimitExceededException ex) {
			ProblemJson.write(this.json, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private static @Nullable String limit(String path) {
		if (path.startsWith("/v1/check/") || path.startsWith("/v1/telemetry/")) {
			return "pings";
		}
		return path.startsWith("/v1/versions/") ? "versions" : null;
	}

}
