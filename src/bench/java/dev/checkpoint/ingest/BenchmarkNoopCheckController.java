package dev.checkpoint.ingest;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark build only: the check route without the database. It parses, rate-limits,
 * caps, builds the ping and answers exactly like {@code /v1/check}, and stores nothing:
 * the ceiling of the HTTP, parsing and JSON work that the durable route is compared with.
 */
@RestController
@Profile("benchmark")
class BenchmarkNoopCheckController {

	private final BenchmarkCheckSupport support;

	private final DeferredAnswers answers;

	BenchmarkNoopCheckController(BenchmarkCheckSupport support, DeferredAnswers answers) {
		this.support = support;
		this.answers = answers;
	}

	@GetMapping(path = "/bench/noop/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	void check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ClientCheck check = ClientCheck.fromQuery(params, userAgent);
		answer(product, check, request, response);
	}

	@PostMapping(path = "/bench/noop/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	void checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest body,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ClientCheck check = ClientCheck.fromJson(product, body, userAgent);
		answer(product, check, request, response);
	}

	/** Answered at once, through the same writer as the real route's answers. */
	private void answer(String product, ClientCheck check, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Ping ping = this.support.admit(product, check, request);
		this.answers.answer(request, response, CompletableFuture.completedFuture(ping),
				(admitted) -> DeferredAnswers.Answer.ok(this.support.answer(product, check, admitted)));
	}

}
