package dev.checkpoint.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem+json answer with a stable {@code type}, a
 * human title and a detail that never carries stack traces or SQL.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems
			.invalidFields(
					ex.getBindingResult().getFieldErrors().stream().map(ApiExceptionHandler::fieldError).toList())
			.getBody();
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Problems.fieldError(String.valueOf(result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, Problems.invalidFields(errors).getBody(), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.malformed("The request body is not valid JSON of the expected shape.")
			.getBody();
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Gives a problem without a type the one of its status, and sets the Content-Type, so
	 * that the problem is written as problem+json whatever the client's Accept header.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpHeaders answerHeaders = headers;
		if (body instanceof ProblemDetail problem) {
			if (isDefaultType(problem.getType())) {
				problem.setType(ProblemTypes.forStatus(statusCode.value()));
			}
			answerHeaders = new HttpHeaders();
			answerHeaders.putAll(headers);
			answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return super.handleExceptionInternal(ex, body, answerHeaders, statusCode, request);
	}

	/**
	 * A request the servlet container could not read (see {@link UnreadableRequests}).
	 */
	@ExceptionHandler({ InvalidParameterException.class, BadRequestException.class, MultipartException.class,
			RequestRejectedException.class })
	ResponseEntity<ProblemDetail> handleUnreadableRequest(Exception ex) {
		log.debug("Unreadable request: {}", ex.toString());
		return answer(Problems.malformed("The request's parameters or body could not be read.").getBody());
	}

	/** The database is down or refused: never its message, which may quote SQL. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> handleDatabaseError(Exception ex) {
		log.error("Database error", ex);
		return answer(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
				"The service is temporarily unavailable; retry later."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (UnreadableRequests.causedBy(ex)) {
			return handleUnreadableRequest(ex);
		}
		log.error("Unexpected error", ex);
		return answer(Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"The server could not complete the request."));
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static Map<String, String> fieldError(FieldError error) {
		return Problems.fieldError(error.getField(), String.valueOf(error.getDefaultMessage()));
	}

	private static boolean isDefaultType(@Nullable URI type) {
		return type == null || "about:blank".equals(type.toString());
	}

}
