package dev.checkpoint.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
				DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));

	@Test
	void shouldKeepDataAcrossRestartsWhenNoDatabaseIsConfigured(@TempDir Path data) {
		String directory = "checkpoint.embedded-postgres.data-directory=" + data.resolve("pg");
		this.runner.withPropertyValues(directory).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.execute("create table kept (value text)");
			jdbc.update("insert into kept values ('still here')");
		});
		this.runner.withPropertyValues(directory).run((context) -> {
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select value from kept", String.class))
				.isEqualTo("still here");
		});
	}

	@Test
	void shouldBeDurableAndRequireItsPassword(@TempDir Path data) throws Exception {
		Path directory = data.resolve("pg");
		this.runner.withPropertyValues("checkpoint.embedded-postgres.data-directory=" + directory).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show unix_socket_directories", String.class)).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from pg_hba_file_rules where auth_method = 'trust'",
					Long.class))
				.isZero();
			int port = context.getBean(EmbeddedPostgres.class).getPort();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
						"postgres", ""))
				.withMessageContaining("password");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
						"postgres", "wrong"))
				.withMessageContaining("password authentication failed");
		});
		Path password = data.resolve("pg.password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		assertThat(Files.readString(password).strip()).hasSize(64);
		assertThat(Files.readString(directory.resolve("postmaster.opts"))).contains("fsync=on",
				"synchronous_commit=on");
	}

	@Test
	void shouldRequireThePasswordWhenTheDataDirectoryTrustedEveryone(@TempDir Path data) throws Exception {
		Path directory = data.resolve("pg");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.start()) {
			old.getPostgresDatabase().getConnection().close();
		}
		assertThat(Files.readString(directory.resolve("pg_hba.conf"))).contains("trust");
		this.runner.withPropertyValues("checkpoint.embedded-postgres.data-directory=" + directory).run((context) -> {
			assertThat(context.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class)).isOne();
			int port = context.getBean(EmbeddedPostgres.class).getPort();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> DriverManager
				.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
		});
		assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContain("trust");
		this.runner.withPropertyValues("checkpoint.embedded-postgres.data-directory=" + directory)
			.run((context) -> assertThat(context.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class))
				.isOne());
	}

	@Test
	void shouldStayOffWhenADatabaseUrlIsConfigured() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/none")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void shouldStayOffWhenDisabledAndADatabaseUrlIsConfigured() {
		this.runner
			.withPropertyValues("checkpoint.embedded-postgres.enabled=false",
					"spring.datasource.url=jdbc:postgresql://localhost:1/none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class));
	}

	@Test
	void shouldRefuseToStartAndNameBothWaysOutWhenDisabledWithoutADatabaseUrl(@TempDir Path data) {
		this.runner
			.withPropertyValues("checkpoint.embedded-postgres.enabled=false",
					"checkpoint.embedded-postgres.data-directory=" + data.resolve("pg"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(NoDatabaseException.class)
					.hasMessageContaining("No database is configured")
					.hasMessageContaining("set SPRING_DATASOURCE_URL")
					.hasMessageContaining("set CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=true")
					.hasMessageContaining("its data in " + data.resolve("pg"));
			});
		assertThat(data).isEmptyDirectory();
	}

}
