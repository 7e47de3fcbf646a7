package dev.checkpoint.ingest;

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
 * Benchmark profile only: the check route without the database. It parses, validates and
 * answers exactly like {@code /v1/check}, and stores nothing: the ceiling of the HTTP,
 * parsing and JSON work that the durable route is compared with.
 */
@RestController
@Profile("benchmark")
class BenchmarkNoopCheckController {

	private final BenchmarkCheckSupport support;

	BenchmarkNoopCheckController(BenchmarkCheckSupport support) {
		this.support = support;
	}

	@GetMapping(path = "/bench/noop/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
		this.support.fromQuery(product, params, userAgent);
		return this.support.answer(product, params);
	}

	@PostMapping(path = "/bench/noop/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
		this.support.fromJson(product, request, userAgent);
		return this.support.answer(product, request.asParameters());
	}

}
