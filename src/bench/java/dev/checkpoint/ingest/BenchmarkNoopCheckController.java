package dev.checkpoint.ingest;

import jakarta.servlet.http.HttpServletRequest;
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

	BenchmarkNoopCheckController(BenchmarkCheckSupport support) {
		this.support = support;
	}

	@GetMapping(path = "/bench/noop/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		ClientCheck check = ClientCheck.fromQuery(params, userAgent);
		return this.support.answer(product, check, this.support.admit(product, check, request));
	}

	@PostMapping(path = "/bench/noop/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest body,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		ClientCheck check = ClientCheck.fromJson(product, body, userAgent);
		return this.support.answer(product, check, this.support.admit(product, check, request));
	}

}
