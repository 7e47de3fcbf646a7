package dev.checkpoint.errorreports;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

import dev.checkpoint.shared.OwnBodyLimit;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT} of the Prisma CLI's zip (schema and migrations) to an upload URL that
 * {@code createErrorReport} handed out: {@code 200 {"attachments": n}}, or a problem+json
 * refusal with nothing stored. Rate limited per client ({@code prisma-error-reports})
 * before the body is read, which may be up to
 * {@code checkpoint.error-reports.upload.max-size}.
 */
@RestController
class PrismaUploadController implements OwnBodyLimit {

	private final PrismaErrorReportService reports;

	private final RateLimits rateLimits;

	private final ErrorReportsProperties properties;

	PrismaUploadController(PrismaErrorReportService reports, RateLimits rateLimits, ErrorReportsProperties properties) {
		this.reports = reports;
		this.rateLimits = rateLimits;
		this.properties = properties;
	}

	/** The zip may be larger than the general body limit. */
	@Override
	public OptionalLong maxBodySize(HttpServletRequest request) {
		return request.getRequestURI().startsWith(PrismaErrorReportService.UPLOADS_PATH)
				? OptionalLong.of(this.properties.upload().maxSize().toBytes()) : OptionalLong.empty();
	}

	@PutMapping(PrismaErrorReportService.UPLOADS_PATH + "{token}")
	ResponseEntity<Map<String, Integer>> upload(@PathVariable String token, HttpServletRequest request)
			throws IOException {
		this.rateLimits.consume("prisma-error-reports", request);
		long limit = this.properties.upload().maxSize().toBytes();
		byte[] zip = Bodies.read(request, limit)
			.orElseThrow(() -> Problems.payloadTooLarge("The upload is larger than " + limit + " bytes."));
		return ResponseEntity.ok(Map.of("attachments", this.reports.upload(token, zip)));
	}

}
