package dev.checkpoint.errorreports;

import java.io.IOException;

import dev.checkpoint.shared.ProductNames;
import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /v1/errors/{product}}: a crash report from the CLI or Studio, sent only
 * after the user agreed ({@code "consent": true}). Public and rate limited per client.
 */
@RestController
class ErrorReportController {

	private final RateLimits rateLimits;

	private final ErrorReportParser parser;

	private final ErrorReportService reports;

	ErrorReportController(RateLimits rateLimits, ErrorReportParser parser, ErrorReportService reports) {
		this.rateLimits = rateLimits;
		this.parser = parser;
		this.reports = reports;
	}

	@PostMapping("/v1/errors/{product}")
	ResponseEntity<ErrorReportCreatedResponse> receive(@PathVariable String product, HttpServletRequest request,
			UriComponentsBuilder uri) throws IOException {
		if (!ProductNames.isValid(product)) {
			throw ProductNames.notFound();
		}
		this.rateLimits.consume("error-reports", request);
		ErrorReportService.StoredReport stored = this.reports
			.receive(this.parser.parse(product, request).toCrashReport(product));
		return ResponseEntity.created(uri.path("/api/error-reports/reports/{id}").buildAndExpand(stored.id()).toUri())
			.body(new ErrorReportCreatedResponse(stored.id(), stored.number()));
	}

}
