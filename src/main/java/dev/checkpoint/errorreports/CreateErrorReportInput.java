package dev.checkpoint.errorreports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.checkpoint.shared.StoredText;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of the Prisma CLI's {@code createErrorReport} mutation, as the GraphQL
 * schema types it (every field a string; those the CLI has no value for are left out).
 */
record CreateErrorReportInput(String area, String kind, String cliVersion, @Nullable String binaryVersion,
		@Nullable String command, @Nullable String jsStackTrace, @Nullable String rustStackTrace,
		@Nullable String operatingSystem, @Nullable String platform, @Nullable String liftRequest,
		@Nullable String schemaFile, @Nullable String fingerprint, @Nullable String sqlDump,
		@Nullable String dbVersion) {

	static final String NO_MESSAGE = "(no message)";

	/** Where a trace's frames start: Node.js/wasm {@code at}, Rust's numbered frames. */
	private static final Pattern FRAMES_START = Pattern
		.compile("^(?:\\s+at\\s.*|\\s*\\d{1,4}:\\s.*|stack backtrace:.*|note: .*)$");

	private static final Pattern PANICKED_AT = Pattern.compile(".*\\bpanicked at \\S.*:$");

	private static final Pattern OPERATING_SYSTEM = Pattern
		.compile("^(x64|arm64|arm|ia32|ppc64|s390x|riscv64|loong64|mips64el) ([a-z0-9]{2,16})(?: .*)?$");

	private static final int MESSAGE_LINES = 20;

	/** The report to store: consent was given at the CLI's own prompt. */
	CrashReport toCrashReport(String product) {
		OsAndArch platform = osAndArch();
		List<Attachment> attachments = new ArrayList<>();
		if (this.schemaFile != null && !this.schemaFile.isBlank()) {
			attachments.add(new Attachment("schema.prisma", StoredText.withoutNul(this.schemaFile),
					this.schemaFile.getBytes(StandardCharsets.UTF_8).length));
		}
		PrismaDetails details = new PrismaDetails(this.area, this.kind, this.binaryVersion, this.platform,
				this.operatingSystem, StoredText.withoutNul(this.rustStackTrace), this.dbVersion,
				StoredText.withoutNul(this.liftRequest), StoredText.withoutNul(this.sqlDump));
		return new CrashReport(product, this.cliVersion, Consent.PROMPT, platform.os(), platform.arch(), null,
				this.fingerprint, StoredText.withoutNul(this.command), message(),
				StoredText.withoutNul(this.jsStackTrace), details, attachments);
	}

	/**
	 * The panic's own text, from the Rust trace or else the JavaScript one: the lines
	 * before the first frame. A Rust {@code panicked at <location>:} line goes after the
	 * text it introduces, so that the text is the group's title.
	 */
	String message() {
		String trace = (this.rustStackTrace != null && !this.rustStackTrace.isBlank()) ? this.rustStackTrace
				: this.jsStackTrace;
		if (trace == null || trace.isBlank()) {
			return NO_MESSAGE;
		}
		List<String> lines = new ArrayList<>();
		for (String line : StoredText.withoutNul(trace).split("\\R", MESSAGE_LINES + 1)) {
			if (lines.size() == MESSAGE_LINES || (!lines.isEmpty() && FRAMES_START.matcher(line).matches())) {
				break;
			}
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		if (lines.size() > 1 && PANICKED_AT.matcher(lines.get(0)).matches()) {
			lines.add(lines.remove(0));
		}
		return lines.isEmpty() ? NO_MESSAGE : String.join("\n", lines);
	}

	/** {@code x64 linux 6.1.0} is os {@code linux}, arch {@code x64}. */
	private OsAndArch osAndArch() {
		if (this.operatingSystem != null) {
			Matcher matcher = OPERATING_SYSTEM.matcher(this.operatingSystem.strip().toLowerCase(Locale.ROOT));
			if (matcher.matches()) {
				return new OsAndArch(matcher.group(2), matcher.group(1));
			}
		}
		return new OsAndArch(null, null);
	}

	private record OsAndArch(@Nullable String os, @Nullable String arch) {
	}

}
