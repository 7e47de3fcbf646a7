package dev.checkpoint.errorreports;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import dev.checkpoint.shared.RequestLimitsProperties;
import dev.checkpoint.shared.OwnBodyLimit;
import dev.checkpoint.shared.RateLimitExceededException;
import dev.checkpoint.shared.RateLimits;
import graphql.ErrorClassification;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * The Prisma CLI's crash report endpoint over HTTP: {@code POST /} (the CLI's fixed path
 * on its fixed host) and {@code POST /v1/prisma/error-reports} (the same, for a reverse
 * proxy), executed by Spring for GraphQL against
 * {@code graphql/prisma-error-reports.graphqls}. Every answer on the GraphQL paths is
 * GraphQL JSON: errors come with a 4xx status (503 only when the database is away), never
 * HTML. Rate limited per client ({@code prisma-error-reports}) before the body is read.
 */
@RestController
class PrismaGraphQlEndpoint implements OwnBodyLimit {

	static final String OWN_PATH = "/v1/prisma/error-reports";

	private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(30);

	private final ExecutionGraphQlService graphQl;

	private final RateLimits rateLimits;

	private final JsonMapper json;

	private final RequestLimitsProperties limits;

	PrismaGraphQlEndpoint(ExecutionGraphQlService graphQl, RateLimits rateLimits, JsonMapper json,
			RequestLimitsProperties limits) {
		this.graphQl = graphQl;
		this.rateLimits = rateLimits;
		this.json = json;
		this.limits = limits;
	}

	/** These routes cap their bodies themselves, to answer in GraphQL's shape. */
	@Override
	public OptionalLong maxBodySize(HttpServletRequest request) {
		String path = request.getRequestURI();
		return ("/".equals(path) || OWN_PATH.equals(path)) ? OptionalLong.of(this.limits.maxBodySize().toBytes())
				: OptionalLong.empty();
	}

	@PostMapping({ "/", OWN_PATH })
	ResponseEntity<byte[]> execute(HttpServletRequest request) {
		try {
			this.rateLimits.consume("prisma-error-reports", request);
		}
		catch (RateLimitExceededException ex) {
			return errors(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; retry later.",
					ex.getHeaders());
		}
		long limit = this.limits.maxBodySize().toBytes();
		byte[] body;
		try {
			body = Bodies.read(request, limit).orElse(null);
		}
		catch (IOException ex) {
			return errors(HttpStatus.BAD_REQUEST, "The request body could not be read.", HttpHeaders.EMPTY);
		}
		if (body == null) {
			return errors(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.",
					HttpHeaders.EMPTY);
		}
		GraphQlRequestBody parsed = GraphQlRequestBody.parse(this.json, body);
		if (parsed == null) {
			return errors(HttpStatus.BAD_REQUEST,
					"The body must be a JSON object with a \"query\" string, and optional \"variables\" object "
							+ "and \"operationName\" string.",
					HttpHeaders.EMPTY);
		}
		URI origin = origin(request);
		if (origin == null) {
			return errors(HttpStatus.BAD_REQUEST, "The Host or forwarded headers are not valid.", HttpHeaders.EMPTY);
		}
		return answer(execute(parsed, origin));
	}

	/** Any other method on the GraphQL paths. */
	@RequestMapping({ "/", OWN_PATH })
	ResponseEntity<byte[]> otherMethod() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAllow(Set.of(HttpMethod.POST));
		return errors(HttpStatus.METHOD_NOT_ALLOWED,
				"This is the Prisma CLI's crash report endpoint: POST a GraphQL request. "
						+ "The dashboard is at /dashboard/.",
				headers);
	}

	private ExecutionGraphQlResponse execute(GraphQlRequestBody body, URI origin) {
		DefaultExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(body.query(), body.operationName(),
				body.variables(), Map.of(), UUID.randomUUID().toString(), Locale.ROOT);
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(PrismaErrorReportMutations.ORIGIN, origin)).build());
		ExecutionGraphQlResponse response = this.graphQl.execute(request).block(EXECUTION_TIMEOUT);
		if (response == null) {
			throw new IllegalStateException("No GraphQL response");
		}
		return response;
	}

	private ResponseEntity<byte[]> answer(ExecutionGraphQlResponse response) {
		List<ResponseError> errors = response.getErrors();
		HttpStatus status = errors.isEmpty() ? HttpStatus.OK : status(errors.get(0).getErrorType());
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsBytes(response.toMap()));
	}

	/** The status of a GraphQL error: 4xx for what the client sent, 503 for the rest. */
	private static HttpStatus status(ErrorClassification type) {
		if (type == ErrorType.NOT_FOUND) {
			return HttpStatus.NOT_FOUND;
		}
		if (type == ErrorType.FORBIDDEN) {
			return HttpStatus.FORBIDDEN;
		}
		if (type == ErrorType.INTERNAL_ERROR || type == graphql.ErrorType.DataFetchingException
				|| type == graphql.ErrorType.ExecutionAborted) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return HttpStatus.BAD_REQUEST;
	}

	private ResponseEntity<byte[]> errors(HttpStatus status, String message, HttpHeaders headers) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", Map.of("classification", status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR"));
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

	/**
	 * Scheme, host and port as the CLI reached this server: from {@code Forwarded} or
	 * {@code X-Forwarded-Proto}/{@code -Host}/{@code -Port} when a proxy set them.
	 */
	private static @Nullable URI origin(HttpServletRequest request) {
		try {
			URI uri = URI.create(request.getRequestURL().toString());
			return ForwardedHeaderUtils
				.adaptFromForwardedHeaders(uri, new ServletServerHttpRequest(request).getHeaders())
				.replacePath(null)
				.replaceQuery(null)
				.build()
				.toUri();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
