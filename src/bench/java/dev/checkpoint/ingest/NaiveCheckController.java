package dev.checkpoint.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Benchmark build only: the check route built the obvious way, one JPA {@code save()}
 * and one rollup upsert per request in its own transaction. Same validation and answer as
 * {@code /v1/check}.
 */
@RestController
@Profile("benchmark")
class NaiveCheckController {

	private static final Logger log = LoggerFactory.getLogger(NaiveCheckController.class);

	private final BenchmarkCheckSupport support;

	private final NaivePingService naive;

	NaiveCheckController(BenchmarkCheckSupport support, NaivePingService naive) {
		this.support = support;
		this.naive = naive;
	}

	/** Like the real GET: answers even when the ping could not be stored. */
	@GetMapping(path = "/bench/naive/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		ClientCheck check = ClientCheck.fromQuery(params, userAgent);
		Ping ping = this.support.admit(product, check, request);
		try {
			if (ping != null) {
				this.naive.store(ping);
			}
		}
		catch (DataAccessException ex) {
			log.warn("Ping for {} not stored: {}", product, ex.toString());
		}
		return this.support.answer(product, check, ping);
	}

	/** Like the real POST: 503 when the ping could not be stored. */
	@PostMapping(path = "/bench/naive/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest body,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		ClientCheck check = ClientCheck.fromJson(product, body, userAgent);
		Ping ping = this.support.admit(product, check, request);
		try {
			if (ping != null) {
				this.naive.store(ping);
			}
		}
		catch (DataAccessException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The ping could not be stored", ex);
		}
		return this.support.answer(product, check, ping);
	}

}
