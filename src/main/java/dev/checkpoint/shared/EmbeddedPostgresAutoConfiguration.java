package dev.checkpoint.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Starts a real PostgreSQL from Maven artifacts when no database is configured, so a
 * newcomer needs nothing but a JDK. It is a deployment mode, not a toy:
 * <ul>
 * <li>durable: {@code fsync} and {@code synchronous_commit} on (the library's defaults
 * turn both off), so an acknowledged ping survives a crash of the machine;</li>
 * <li>closed to other local users: no Unix socket, and TCP on localhost only with
 * SCRAM-SHA-256 and a generated password ({@link EmbeddedPostgresPassword}); a data
 * directory made by an earlier version with {@code trust} is converted at start;</li>
 * <li>restartable: a postmaster orphaned by a JVM that died is stopped first
 * ({@link OrphanedPostmaster}), and PostgreSQL recovers from its write-ahead log.</li>
 * </ul>
 * Its data stays in a local directory across restarts. Any {@code spring.datasource.url}
 * (or a test's own connection details) switches it off. With
 * {@code checkpoint.embedded-postgres.enabled=false} (as in the container image) and no
 * database URL, the server refuses to start ({@link NoDatabaseException}).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	private static final String ENABLED = "checkpoint.embedded-postgres.enabled";

	private static final String SUPERUSER = "postgres";

	private static final Pattern TRUST = Pattern.compile("(?m)^\\s*(local|host)\\S*\\s.*\\btrust\\s*$");

	@Bean(destroyMethod = "close")
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException, SQLException {
		Path data = properties.dataDirectory().toAbsolutePath().normalize();
		String password = EmbeddedPostgresPassword.readOrCreate(EmbeddedPostgresPassword.fileFor(data));
		Files.createDirectories(data);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		OrphanedPostmaster.stopIfRunning(data, properties.orphanStopTimeout());
		boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
		boolean trusting = !fresh && TRUST.matcher(Files.readString(data.resolve("pg_hba.conf"))).find();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256");
		if (fresh) {
			// initdb takes the last --auth, so these win over the library's "-A trust"
			Path passwordFile = writeInitdbPassword(data, password);
			builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
		}
		if (!trusting) {
			builder.setConnectConfig("password", password);
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			Files.deleteIfExists(initdbPasswordFile(data));
		}
		if (trusting) {
			closeTrust(postgres, data, password);
		}
		log.info("Started embedded PostgreSQL (durable, password only) on localhost with data in {}", data);
		return postgres;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres,
			EmbeddedPostgresProperties properties) throws IOException {
		Path data = properties.dataDirectory().toAbsolutePath().normalize();
		String password = EmbeddedPostgresPassword.readOrCreate(EmbeddedPostgresPassword.fileFor(data));
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return SUPERUSER;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl(SUPERUSER, "postgres");
			}

		};
	}

	/** No database URL and the embedded database switched off: no connection at all. */
	@Bean
	@ConditionalOnBooleanProperty(name = ENABLED, havingValue = false)
	JdbcConnectionDetails noDatabase(EmbeddedPostgresProperties properties) {
		throw new NoDatabaseException(properties.dataDirectory().toAbsolutePath().normalize());
	}

	/** initdb reads the password from a file; it lives only while initdb runs. */
	private static Path writeInitdbPassword(Path data, String password) throws IOException {
		Path file = initdbPasswordFile(data);
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
		return file;
	}

	private static Path initdbPasswordFile(Path data) {
		return data.resolveSibling(data.getFileName() + ".initdb-password");
	}

	/**
	 * A data directory made by an earlier version trusts every local connection: give the
	 * superuser the password and require it from now on.
	 */
	private static void closeTrust(EmbeddedPostgres postgres, Path data, String password)
			throws IOException, SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			statement.execute("alter role " + SUPERUSER + " password '" + password + "'");
			Files.write(data.resolve("pg_hba.conf"),
					List.of("# written by Checkpoint: password (SCRAM) on localhost only",
							"local all all scram-sha-256", "host all all 127.0.0.1/32 scram-sha-256",
							"host all all ::1/128 scram-sha-256"),
					StandardCharsets.US_ASCII);
			statement.execute("select pg_reload_conf()");
		}
		log.warn("The embedded PostgreSQL in {} trusted every local user; it now requires its password", data);
	}

}
