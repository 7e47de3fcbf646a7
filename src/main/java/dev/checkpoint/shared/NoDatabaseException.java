package dev.checkpoint.shared;

import java.nio.file.Path;

/**
 * The server was started without {@code spring.datasource.url} and with the embedded
 * PostgreSQL switched off, as the container image is: rather than keep a database where
 * no volume holds it, it refuses to start and names the two ways out.
 * {@link NoDatabaseFailureAnalyzer} prints them at start-up.
 */
class NoDatabaseException extends IllegalStateException {

	private static final String DESCRIPTION = """
			No database is configured: SPRING_DATASOURCE_URL is not set and the embedded PostgreSQL is switched \
			off (CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=false, as in the container image).""";

	private static final String ACTION = """
			Either set SPRING_DATASOURCE_URL (spring.datasource.url, with SPRING_DATASOURCE_USERNAME and \
			SPRING_DATASOURCE_PASSWORD) to use your PostgreSQL, or set CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=true \
			(checkpoint.embedded-postgres.enabled=true) to run the embedded PostgreSQL with its data in %s and \
			its password file beside it, both on a volume (in the container image: mount one on \
			/application/data).""";

	private final String action;

	NoDatabaseException(Path dataDirectory) {
		this(ACTION.formatted(dataDirectory));
	}

	private NoDatabaseException(String action) {
		super(DESCRIPTION + " " + action);
		this.action = action;
	}

	/** What is wrong. */
	String description() {
		return DESCRIPTION;
	}

	/** The two ways out. */
	String action() {
		return this.action;
	}

}
