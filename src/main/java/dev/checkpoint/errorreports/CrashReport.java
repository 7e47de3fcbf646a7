package dev.checkpoint.errorreports;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consented crash report as read at the edge of either route, before redaction and
 * truncation: what {@link ErrorReportService#receive} stores.
 *
 * @param message what groups the report with others of the same bug
 * @param stackTrace the JavaScript (or other language's) trace
 * @param prisma the Prisma CLI's own fields; none for the generic route
 * @param attachments files sent with the report (the Prisma CLI's {@code schemaFile})
 */
record CrashReport(String product, String version, Consent consent, @Nullable String os, @Nullable String arch,
		@Nullable String nodeVersion, @Nullable String signature, @Nullable String command, String message,
		@Nullable String stackTrace, @Nullable PrismaDetails prisma, List<Attachment> attachments) {
}
