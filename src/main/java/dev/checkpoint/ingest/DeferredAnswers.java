package dev.checkpoint.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.checkpoint.shared.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Answers client requests (checks and run reports) whose answer waits for the group
 * commit without parking a request thread per waiting request: the request goes
 * asynchronous (Servlet async), its thread returns to the pool, and once the ping is
 * stored one of two responder threads writes the JSON answer and completes the request. A
 * profile of the parked design showed a third of the durable route's CPU in parking,
 * waking and cold caches of the 64 request threads that each waited for a commit
 * (bench/ingest.sh, docs/ingest.md).
 * <p>
 * An answer that is ready at once (a dropped ping, the benchmark's no-op route) is
 * written on the request thread, by the same code.
 */
@Component
class DeferredAnswers implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeferredAnswers.class);

	private final JsonMapper json;

	private final IngestProperties properties;

	private final ExecutorService responders;

	DeferredAnswers(JsonMapper json, IngestProperties properties) {
		this.json = json;
		this.properties = properties;
		AtomicInteger count = new AtomicInteger();
		this.responders = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "check-answer-" + count.getAndIncrement());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Writes the answer to {@code result} once it completes (at once when it already
	 * has), and never while the request's own dispatch is still in the filters
	 * ({@link DispatchEndFilter}). {@code result} must complete, normally, within the
	 * write timeout.
	 */
	<T> void answer(HttpServletRequest request, HttpServletResponse response, CompletableFuture<T> result,
			Function<T, Answer> answer) throws IOException {
		if (result.isDone()) {
			write(response, answer.apply(result.join()));
			return;
		}
		AsyncContext async = request.startAsync();
		async.setTimeout(this.properties.writeTimeout().multipliedBy(4).toMillis());
		// written once the ping is stored and this request's dispatch has left the
		// filters
		Object dispatch = request.getAttribute(DispatchEndFilter.ATTRIBUTE);
		CompletableFuture<T> ready = (dispatch instanceof CompletableFuture<?> ended)
				? result.thenCombine(ended, (value, none) -> value) : result;
		ready.whenCompleteAsync((value, failure) -> {
			try {
				// the response the handler got (with the filters' wrappers), not the bare
				// one
				write(response, (failure == null) ? answer.apply(value)
						: Answer.notStored("The ping could not be stored now; retry later.", request.getRequestURI()));
			}
			catch (IOException ex) {
				log.debug("Writing a check answer failed (client gone?): {}", ex.toString());
			}
			catch (RuntimeException ex) {
				log.warn("Computing a check answer failed: {}", ex.toString());
				if (!response.isCommitted()) {
					try {
						response.resetBuffer();
						write(response, Answer.notStored("The answer could not be computed now; retry later.",
								request.getRequestURI()));
					}
					catch (IOException | RuntimeException second) {
						log.debug("Writing the failure answer failed: {}", second.toString());
					}
				}
			}
			finally {
				try {
					async.complete();
				}
				catch (IllegalStateException ex) {
					log.debug("The check request ended before its answer: {}", ex.getMessage());
				}
			}
		}, this.responders);
	}

	private void write(HttpServletResponse response, Answer answer) throws IOException {
		response.setStatus(answer.status());
		if (answer.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, answer.retryAfter());
		}
		if (answer.body() == null) {
			response.setContentLength(0);
			return;
		}
		byte[] body = this.json.writeValueAsBytes(answer.body());
		response.setContentType(answer.contentType());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.responders.shutdown();
		this.responders.awaitTermination(10, TimeUnit.SECONDS);
	}

	/**
	 * A status, a JSON body (none for {@code null}) and its media type, and an optional
	 * Retry-After.
	 */
	record Answer(int status, @Nullable String contentType, @Nullable Object body, @Nullable String retryAfter) {

		static Answer ok(Object body) {
			return new Answer(200, MediaType.APPLICATION_JSON_VALUE, body, null);
		}

		/** 201 without a body, as go-checkpoint expects for a run report. */
		static Answer created() {
			return new Answer(201, null, null, null);
		}

		/**
		 * 503 problem+json with Retry-After: the ping could not be made durable in time,
		 * so the client may send it again.
		 */
		static Answer notStored(String detail, String instance) {
			ErrorResponseException problem = Problems.unavailable("Storage unavailable", detail, Duration.ofSeconds(5));
			problem.getBody().setInstance(URI.create(instance));
			return new Answer(503, MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem.getBody(),
					problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		}

	}

}
