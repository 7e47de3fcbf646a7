package dev.checkpoint.ingest;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of the client routes: tells {@link DeferredAnswers} when the
 * request's own dispatch has left the filter chain. A response is not safe for two
 * threads at once, and filters still use the request and response after the handler
 * returns (the security headers are written, the observation and the per-client
 * concurrency cap add their async listeners), so an asynchronous answer is written, and
 * its request completed, only after that. Under bench/ingest.sh, writing earlier broke
 * about one answer in 150,000: the ping was stored, and the client got a truncated answer
 * (a NullPointerException while the response's headers were written).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DispatchEndFilter extends OncePerRequestFilter {

	/** The request attribute holding the future that completes when the dispatch ends. */
	static final String ATTRIBUTE = DispatchEndFilter.class.getName() + ".ended";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/v1/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CompletableFuture<Void> ended = new CompletableFuture<>();
		request.setAttribute(ATTRIBUTE, ended);
		try {
			chain.doFilter(request, response);
		}
		finally {
			ended.complete(null);
		}
	}

}
