package dev.checkpoint.errorreports;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Prisma CLI's three steps: {@code createErrorReport} stores the report and hands out
 * a signed upload URL; the zip {@code PUT} to that URL attaches the schema and migrations
 * (once); {@code markErrorReportCompleted} completes the report (once) and gives the
 * number the CLI prints. The URL works until {@code upload-url-validity} has passed.
 */
@Service
class PrismaErrorReportService {

	/** Where upload URLs point, under the scheme and host the CLI used. */
	static final String UPLOADS_PATH = "/v1/prisma/error-reports/uploads/";

	private final ErrorReportService reports;

	private final ErrorReportAttachments attachments;

	private final UploadTokens tokens;

	private final JdbcClient jdbc;

	private final ErrorReportsProperties properties;

	private final ZipAttachmentReader zips;

	private final Clock clock;

	PrismaErrorReportService(ErrorReportService reports, ErrorReportAttachments attachments, UploadTokens tokens,
			JdbcClient jdbc, ErrorReportsProperties properties, Clock clock) {
		this.reports = reports;
		this.attachments = attachments;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.properties = properties;
		this.zips = new ZipAttachmentReader(properties.upload());
		this.clock = clock;
	}

	/**
	 * Stores the report and answers its upload URL.
	 * @param origin scheme, host and port that the CLI reached this server at
	 */
	@Transactional
	String create(CreateErrorReportInput data, URI origin) {
		requireText("area", data.area());
		requireText("kind", data.kind());
		requireText("cliVersion", data.cliVersion());
		ErrorReportService.StoredReport stored = this.reports
			.receive(data.toCrashReport(this.properties.prisma().product()));
		Instant expiresAt = this.clock.instant()
			.plus(this.properties.prisma().uploadUrlValidity())
			.truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("update error_reports set upload_expires_at = ? where id = ?")
			.params(OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), stored.id())
			.update();
		return UriComponentsBuilder.fromUri(origin)
			.replacePath(UPLOADS_PATH + this.tokens.sign(stored.id(), expiresAt))
			.replaceQuery(null)
			.build()
			.toUriString();
	}

	/**
	 * Attaches the zip's files to the report of the token, all or none: a zip that is
	 * refused leaves the URL unused.
	 * @return how many files were kept
	 */
	@Transactional
	int upload(String token, byte[] zip) {
		UploadTokens.Signed signed = this.tokens.verify(token).orElseThrow(PrismaErrorReportService::unknownUrl);
		if (!signed.expiresAt().isAfter(this.clock.instant())) {
			throw Problems.of(HttpStatus.GONE, ProblemTypes.MALFORMED_REQUEST, "Upload URL expired",
					"This upload URL has expired.");
		}
		List<Attachment> files = this.zips.read(zip);
		int claimed = this.jdbc.sql("""
				update error_reports set uploaded_at = now()
				where id = ? and uploaded_at is null and completed_at is null""").param(signed.reportId()).update();
		if (claimed == 0) {
			throw exists(signed.reportId())
					? Problems.conflict("Upload URL used", "This upload URL has already been used.") : unknownUrl();
		}
		return this.attachments.replace(signed.reportId(), files);
	}

	/** Completes the report of the URL, once, and answers its number. */
	@Transactional
	long complete(String signedUrl) {
		UploadTokens.Signed signed = token(signedUrl).flatMap(this.tokens::verify)
			.orElseThrow(PrismaReportRefusedException::unknownUrl);
		if (!signed.expiresAt().isAfter(this.clock.instant())) {
			throw PrismaReportRefusedException.expired();
		}
		Optional<Long> number = this.jdbc.sql("""
				update error_reports set completed_at = now()
				where id = ? and completed_at is null returning number""")
			.param(signed.reportId())
			.query(Long.class)
			.optional();
		return number.orElseThrow(() -> exists(signed.reportId()) ? PrismaReportRefusedException.completed()
				: PrismaReportRefusedException.unknownUrl());
	}

	private static void requireText(String field, String value) {
		if (value.isBlank()) {
			throw PrismaReportRefusedException.invalid(field);
		}
	}

	private static ErrorResponseException unknownUrl() {
		return Problems.notFound("No such upload", "This is not an upload URL of this server.");
	}

	private boolean exists(UUID reportId) {
		return this.jdbc.sql("select count(*) from error_reports where id = ?")
			.param(reportId)
			.query(Long.class)
			.single() > 0;
	}

	/** The token at the end of an upload URL's path, whatever its host. */
	private static Optional<String> token(String url) {
		try {
			String path = URI.create(url).getRawPath();
			int at = (path != null) ? path.lastIndexOf(UPLOADS_PATH) : -1;
			return (at >= 0) ? Optional.of(path.substring(at + UPLOADS_PATH.length())) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
