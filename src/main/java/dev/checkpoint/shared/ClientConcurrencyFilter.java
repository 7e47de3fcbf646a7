package dev.checkpoint.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
 * Caps the requests one client address has in progress at once
 * ({@code checkpoint.request-limits.max-concurrent-per-client}), first of all, before any
 * body is read: beyond it the answer is 503 with {@code Retry-After} and the connection
 * is closed. Together with the body read deadline this keeps one slow or flooding client
 * from holding every worker thread. The map holds only addresses with requests in
 * progress.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientConcurrencyFilter extends OncePerRequestFilter {

	private final RateLimits clients;

	private final JsonMapper json;

	private final int max;

	private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

	ClientConcurrencyFilter(RateLimits clients, JsonMapper json, RequestLimitsProperties properties) {
		this.clients = clients;
		this.json = json;
		this.max = properties.maxConcurrentPerClient();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = this.clients.clientAddress(request);
		AtomicInteger count = this.inProgress.compute(client, (key, current) -> {
			AtomicInteger counter = (current != null) ? current : new AtomicInteger();
			counter.incrementAndGet();
			return counter;
		});
		boolean async = false;
		try {
			if (count.get() > this.max) {
				response.setHeader(HttpHeaders.CONNECTION, "close");
				ProblemJson.write(this.json, response, Problems.unavailable("Service Unavailable",
						"Too many requests of this client are in progress at once.", Duration.ofSeconds(1)));
				return;
			}
			chain.doFilter(request, response);
			async = request.isAsyncStarted();
		}
		finally {
			if (async) {
				// in progress until the asynchronous answer is written
				request.getAsyncContext().addListener(new Release(client));
			}
			else {
				release(client);
			}
		}
	}

	private void release(String client) {
		this.inProgress.computeIfPresent(client, (key, counter) -> (counter.decrementAndGet() <= 0) ? null : counter);
	}

	/** Releases the client's slot once its asynchronous request ends, however it ends. */
	private final class Release implements AsyncListener {

		private final String client;

		private final AtomicBoolean released = new AtomicBoolean();

		Release(String client) {
			this.client = client;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			once();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			once();
		}

		@Override
		public void onError(AsyncEvent event) {
			once();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

		private void once() {
			if (this.released.compareAndSet(false, true)) {
				release(this.client);
			}
		}

	}

}
