package dev.checkpoint.ingest;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	TelemetryController(IngestService ingest, RunReportParser parser) {
		this.ingest = ingest;
		this.parser = parser;
	}

	@PostMapping("/v1/telemetry/{product}")
	ResponseEntity<Void> report(@PathVariable String product, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent)
			throws IOException {
		this.ingest.requireAcceptableProduct(product, false);
		RunReport report = this.parser.parse(request.getInputStream());
		if (this.ingest.runReport(product, report, userAgent, request) == IngestService.Outcome.NOT_STORED) {
			throw PingNotStoredException.forProduct(product);
		}
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

}
