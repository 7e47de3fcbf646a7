package dev.checkpoint.ingest;

import java.io.IOException;

import dev.checkpoint.ingest.DeferredAnswers.Answer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/telemetry/{product}}: go-checkpoint's run report. The body is read raw
 * whatever its Content-Type (the client sends none), and the answer is exactly 201.
 */
@RestController
class TelemetryController {

	private final IngestService ingest;

	private final RunReportParser parser;

	private final DeferredAnswers answers;

	TelemetryController(IngestService ingest, RunReportParser parser, DeferredAnswers answers) {
		this.ingest = ingest;
		this.parser = parser;
		this.answers = answers;
	}

	/** 201 once the report is stored (asynchronously), 503 when it could not be. */
	@PostMapping("/v1/telemetry/{product}")
	void report(@PathVariable String product, HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent)
			throws IOException {
		this.ingest.requireAcceptableProduct(product, false);
		RunReport report = this.parser.parse(request.getInputStream());
		String path = request.getRequestURI();
		this.answers.answer(request, response, this.ingest.runReport(product, report, userAgent, request),
				(outcome) -> (outcome == IngestService.Outcome.NOT_STORED)
						? Answer.notStored("The ping for '" + product + "' could not be stored now; retry later.", path)
						: Answer.created());
	}

}
