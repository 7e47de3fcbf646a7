package dev.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one database definition for every integration test and for
 * {@code ./mvnw spring-boot:test-run}: {@code TEST_DB_URL} when set, else a
 * Testcontainers PostgreSQL when a Docker engine answers, else an embedded PostgreSQL
 * started from Maven artifacts. Always a real PostgreSQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	static final String POSTGRES_IMAGE = "postgres:18.1-alpine";

	/**
	 * Connections the one test server takes: the test context cache keeps many contexts
	 * alive at once, each with its pools, and some tests start servers of their own
	 * (PostgreSQL's default of 100 ran out).
	 */
	static final String MAX_CONNECTIONS = "400";

	/** Lets MockMvc tests read answers written asynchronously (the check route). */
	@Bean
	AsyncAnswersMockMvcCustomizer asyncAnswersMockMvcCustomizer() {
		return new AsyncAnswersMockMvcCustomizer();
	}

	@Bean
	@ServiceConnection
	@Conditional(UseDocker.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE)).withCommand("postgres", "-c",
				"max_connections=" + MAX_CONNECTIONS);
	}

	@Bean
	@Conditional(UseFallback.class)
	JdbcConnectionDetails fallbackConnectionDetails() {
		String url = System.getenv("TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return connectionDetails(url, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
		}
		return connectionDetails(SharedEmbeddedPostgres.INSTANCE.getJdbcUrl("postgres", "postgres"), "postgres", "");
	}

	private static JdbcConnectionDetails connectionDetails(String url, String username, String password) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	static boolean useDocker() {
		String url = System.getenv("TEST_DB_URL");
		return (url == null || url.isBlank()) && DockerAvailability.AVAILABLE;
	}

	static final class UseDocker implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return useDocker();
		}

	}

	static final class UseFallback implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !useDocker();
		}

	}

	private static final class DockerAvailability {

		static final boolean AVAILABLE = check();

		private static boolean check() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

	/** One embedded server for the whole test JVM, started on first use. */
	private static final class SharedEmbeddedPostgres {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				return EmbeddedPostgres.builder().setServerConfig("max_connections", MAX_CONNECTIONS).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}

	}

}
