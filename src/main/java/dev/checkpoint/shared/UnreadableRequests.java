package dev.checkpoint.shared;

import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;

/**
 * Recognises the exceptions the servlet container throws for requests it cannot parse
 * (undecodable query parameters, broken chunked framing, multipart garbage) and the
 * security firewall rejects (encoded slashes, semicolons, NUL): they are the client's
 * fault and answer 400, never 500.
 */
final class UnreadableRequests {

	private UnreadableRequests() {
	}

	/**
	 * Whether {@code ex}, or one of its causes, says the container could not read the
	 * request.
	 */
	static boolean causedBy(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException || cause instanceof BadRequestException
					|| cause instanceof MultipartException || cause instanceof RequestRejectedException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
