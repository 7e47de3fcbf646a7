package dev.checkpoint.ingest;

import java.io.IOException;
import java.util.UUID;

import dev.checkpoint.shared.Signatures;
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

	private final PingFactory pings;

	private final RunReportParser parser;

	private final SignatureCap signatureCap;

	TelemetryController(IngestService ingest, PingFactory pings, RunReportParser parser, SignatureCap signatureCap) {
		this.ingest = ingest;
		this.pings = pings;
		this.parser = parser;
		this.signatureCap = signatureCap;
	}

	@PostMapping("/v1/telemetry/{product}")
	ResponseEntity<Void> report(@PathVariable String product, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent)
			throws IOException {
		this.ingest.requireAcceptableProduct(product, false);
		RunReport report = this.parser.parse(request.getInputStream());
		if (this.ingest.stores(product, request)) {
			UUID signature = this.signatureCap.admit(Signatures.toUuid(report.signature()), product, request);
			if (!this.ingest.record(this.pings.runReport(product, report, signature, userAgent))) {
				throw PingNotStoredException.forProduct(product);
			}
		}
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

}
