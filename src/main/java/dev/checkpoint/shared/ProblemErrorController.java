package dev.checkpoint.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}) as problem+json, for every method and whatever the
 * Accept header: errors raised outside a controller (security firewall, servlet
 * container, filters) reach the client in the same shape as the controllers' own.
 * Replaces Spring Boot's whitelabel page and its JSON, which carry a path and timestamp
 * and can carry messages.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Throwable ex = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		int status = UnreadableRequests.causedBy(ex) ? 400 : statusOf(request);
		if (status >= 500) {
			log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), ex);
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.forStatus(status).getBody());
	}

	/** The error's status; a direct request for the error page is answered 404. */
	private static int statusOf(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status instanceof Integer code && code >= 400 && code <= 599) {
			return code;
		}
		return 404;
	}

}
