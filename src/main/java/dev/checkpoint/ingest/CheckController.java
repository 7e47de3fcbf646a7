package dev.checkpoint.ingest;

import java.io.IOException;

import dev.checkpoint.ingest.DeferredAnswers.Answer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import dev.checkpoint.catalog.Catalog;
import org.jspecify.annotations.Nullable;

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
 * {@code GET} and {@code POST /v1/check/{product}}: store the ping, answer with the
 * latest version of the client's channel and the notices for its version, once the ping
 * is stored (asynchronously: no request thread waits for the commit).
 */
@RestController
class CheckController {

	private final IngestService ingest;

	private final Catalog catalog;

	private final DeferredAnswers answers;

	CheckController(IngestService ingest, Catalog catalog, DeferredAnswers answers) {
		this.ingest = ingest;
		this.catalog = catalog;
		this.answers = answers;
	}

	/**
	 * The clients' route. Always 200 with the full body once the product name is sane:
	 * the clients need the answer even when the ping could not be stored.
	 */
	@GetMapping(path = "/v1/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	void check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ClientCheck check = ClientCheck.fromQuery(params, userAgent);
		this.answers.answer(request, response, this.ingest.check(product, check, request),
				(result) -> Answer.ok(answer(product, check, result)));
	}

	/** The same ping as JSON; answers 503 when it could not be stored. */
	@PostMapping(path = "/v1/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	void checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest body,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ClientCheck check = ClientCheck.fromJson(product, body, userAgent);
		String path = request.getRequestURI();
		this.answers.answer(request, response, this.ingest.check(product, check, request),
				(result) -> (result.outcome() == IngestService.Outcome.NOT_STORED)
						? Answer.notStored("The ping for '" + product + "' could not be stored now; retry later.", path)
						: Answer.ok(answer(product, check, result)));
	}

	/**
	 * The answer; alerts already delivered to the signature are left out, unless the
	 * signature was capped (then nothing is remembered for it).
	 */
	private CheckResponse answer(String product, ClientCheck check, IngestService.Result result) {
		return CheckResponse.of(product, check,
				this.catalog.answer(product, check.version(), check.os(), check.arch(), result.signature())
					.orElse(null));
	}

}
