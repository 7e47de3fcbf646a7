package dev.checkpoint.errorreports;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * What the Prisma CLI sends beyond the common fields of a crash report, redacted and
 * truncated. Reports of the generic route have none of it.
 *
 * @param area the CLI part that crashed, e.g. {@code FMT_CLI}
 * @param kind {@code RUST_PANIC} or {@code JS_ERROR}
 * @param binaryVersion the engines' commit hash
 * @param platform the binary target, e.g. {@code debian-openssl-3.0.x}
 * @param operatingSystem as sent, e.g. {@code x64 linux 6.1.0}
 * @param rustStackTrace the panic and its Rust frames
 * @param dbVersion the database version, when the CLI knew it
 * @param liftRequest the engine request, JSON text
 * @param sqlDump the engine's description of the database (2.x/3.x introspection)
 */
@Embeddable
record PrismaDetails(@Column(name = "area") @Nullable String area, @Column(name = "kind") @Nullable String kind,
		@Column(name = "binary_version") @Nullable String binaryVersion,
		@Column(name = "platform") @Nullable String platform,
		@Column(name = "operating_system") @Nullable String operatingSystem,
		@Column(name = "rust_stack_trace") @Nullable String rustStackTrace,
		@Column(name = "db_version") @Nullable String dbVersion,
		@Column(name = "lift_request") @Nullable String liftRequest,
		@Column(name = "sql_dump") @Nullable String sqlDump) {
}
