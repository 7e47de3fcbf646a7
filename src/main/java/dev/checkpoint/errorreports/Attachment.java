package dev.checkpoint.errorreports;

/**
 * A file sent with a crash report, as text.
 *
 * @param name a display name, never used as a path
 * @param content the text
 * @param originalSize the size in bytes as it arrived, before redaction
 */
record Attachment(String name, String content, long originalSize) {

	/** A Prisma schema file, which {@code schema-only} keeps. */
	boolean isSchema() {
		return this.name.endsWith(".prisma");
	}

}
