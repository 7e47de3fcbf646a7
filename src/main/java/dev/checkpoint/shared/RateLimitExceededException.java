package dev.checkpoint.shared;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Too many requests from one client: 429 problem+json with Retry-After (seconds).
 */
public class RateLimitExceededException extends ErrorResponseException {

	private RateLimitExceededException(ProblemDetail problem, long seconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	static RateLimitExceededException retryAfter(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this client; retry in " + seconds + " s.");
		problem.setType(ProblemTypes.RATE_LIMITED);
		problem.setTitle("Too many requests");
		return new RateLimitExceededException(problem, seconds);
	}

}
