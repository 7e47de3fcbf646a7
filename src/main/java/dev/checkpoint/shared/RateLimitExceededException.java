package dev.checkpoint.shared;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Too many requests from one client: 429 problem+json with Retry-After (seconds). A type
 * of its own because the filters that apply rate limits catch it to answer in their own
 * shape.
 */
public class RateLimitExceededException extends ErrorResponseException {

	private RateLimitExceededException(long seconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, Problems.body(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				"Too many requests", "Too many requests from this client; retry in " + seconds + " s."), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	static RateLimitExceededException retryAfter(Duration wait) {
		return new RateLimitExceededException(Problems.seconds(wait));
	}

}
