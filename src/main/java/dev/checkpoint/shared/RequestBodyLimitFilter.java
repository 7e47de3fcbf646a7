package dev.checkpoint.shared;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at a request body, before security or any route: a Content-Length over
 * {@code checkpoint.request-limits.max-body-size} (64 KiB) answers 413 at once, and a
 * body on a method that takes none (GET, HEAD, OPTIONS, TRACE) answers 400 at once, both
 * without reading it. Reading the body comes later, after authentication and rate limits
 * ({@link RequestBodyBuffer}). Routes that cap their bodies themselves
 * ({@link OwnBodyLimit}) are let through. Headers Spring MVC cannot cope with are dropped
 * on the way ({@link LenientHeadersRequest}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final Set<String> BODILESS_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final long limit;

	private final OwnBodyLimits ownLimits;

	private final JsonMapper json;

	RequestBodyLimitFilter(RequestLimitsProperties properties, OwnBodyLimits ownLimits, JsonMapper json) {
		this.limit = properties.maxBodySize().toBytes();
		this.ownLimits = ownLimits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean hasBody = request.getContentLengthLong() > 0
				|| request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (hasBody && BODILESS_METHODS.contains(request.getMethod())) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
			ProblemJson.write(this.json, response,
					Problems.forStatus(400, request.getMethod() + " requests take no body."));
			return;
		}
		if (this.ownLimits.find(request).isEmpty() && request.getContentLengthLong() > this.limit) {
			ProblemJson.write(this.json, response,
					Problems.forStatus(413, "The request body is larger than " + this.limit + " bytes."));
			return;
		}
		chain.doFilter(LenientHeadersRequest.of(request), response);
	}

}
