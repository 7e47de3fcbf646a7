package dev.checkpoint.reports;

/**
 * Download file names built from request values.
 */
final class FileNames {

	private FileNames() {
	}

	/** Keeps letters, digits, dot, dash and underscore; anything else becomes '_'. */
	static String safe(String name) {
		String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.isEmpty() ? "_" : safe;
	}

}
