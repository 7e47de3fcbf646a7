package dev.checkpoint.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.checkpoint.CheckpointIntegrationTest;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V17 with {@code checkpoint.catalog.demo-data} passed in by Spring as it is at
 * start-up: each case migrates a database of its own on the tests' PostgreSQL server.
 */
@CheckpointIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataMigrationIntegrationTests {

	/**
	 * A database migrated up to V16, before demo data became opt-in: an existing install.
	 */
	private final String beforeV17 = "demo_v16_" + UUID.randomUUID().toString().replace("-", "");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				FlywayAutoConfiguration.class))
		.withUserConfiguration(DemoDataMigration.class);

	private final List<String> created = new ArrayList<>();

	@Autowired
	JdbcTemplate server;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	void createExistingInstall() throws SQLException {
		this.server.execute("create database " + this.beforeV17);
		Flyway.configure().dataSource(dataSource(this.beforeV17)).target("16").load().migrate();
	}

	@AfterEach
	void dropCreated() {
		this.created.forEach(this::dropDatabase);
		this.created.clear();
	}

	@AfterAll
	void dropExistingInstall() {
		dropDatabase(this.beforeV17);
	}

	@Test
	void shouldHaveNoDemoProductsOnAFreshDatabaseByDefault() throws SQLException {
		migrate(newDatabase(null), (jdbc) -> {
			assertThat(products(jdbc)).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from releases", Long.class)).isZero();
		});
	}

	@Test
	void shouldKeepTheDemoProductsOnAFreshDatabaseWithDemoData() throws SQLException {
		migrate(newDatabase(null), (jdbc) -> {
			assertThat(products(jdbc)).containsExactly("prisma", "terraform");
			assertThat(jdbc.queryForList("select version from releases order by version", String.class))
				.containsExactly("1.10.3", "6.1.0");
		}, "checkpoint.catalog.demo-data=true");
	}

	@Test
	void shouldRemoveUntouchedDemoProductsFromAnExistingInstall() throws SQLException {
		migrate(newDatabase(this.beforeV17), (jdbc) -> assertThat(products(jdbc)).isEmpty());
	}

	@Test
	void shouldKeepTheDemoProductsOfAnExistingInstallWithDemoData() throws SQLException {
		migrate(newDatabase(this.beforeV17),
				(jdbc) -> assertThat(products(jdbc)).containsExactly("prisma", "terraform"),
				"checkpoint.catalog.demo-data=true");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					a stored ping         | insert into ping_products (name) values ('prisma')
					a monthly active      | insert into monthly_actives values ('prisma', '2026-11-01', gen_random_uuid(), 1, true)
					an anonymous ping     | insert into monthly_anonymous values ('prisma', '2026-11-01', 1)
					a MAU report          | insert into mau_reports values ('prisma', '2026-11-01', 1, 1, 0, 0, false, now())
					a crash report        | insert into error_groups (product, fingerprint, title, first_seen, last_seen) values ('prisma', 'f', 't', now(), now())
					a changed product     | update products set website = 'https://prisma.example' where name = 'prisma'
					a retired product     | update products set retired_at = now() where name = 'prisma'
					a changed release     | update releases set download_url = 'https://prisma.example/6.1.0' where version = '6.1.0'
					a retired release     | update releases set retired_at = now() where version = '6.1.0'
					a second release      | insert into releases (product_id, version, released_at) select id, '6.2.0', now() from products where name = 'prisma'
					a notice              | insert into notices (product_id, published_at, message, level) select id, now(), 'm', 'info' from products where name = 'prisma'
					a version constraint  | insert into version_constraints (service, product) values ('prisma-engines', 'prisma')
					an audited release    | insert into audit_events (occurred_at, actor, action, entity_type, entity_key) values (now(), 'admin', 'release.retired', 'release', 'prisma@6.0.0')
					an audited constraint | insert into audit_events (occurred_at, actor, action, entity_type, entity_key) values (now(), 'admin', 'version_constraint.deleted', 'version_constraint', 'prisma-engines/prisma')
					""")
	void shouldKeepADemoProductInRealUseAndRemoveTheUntouchedOne(String use, String statement) throws SQLException {
		String install = newDatabase(this.beforeV17);
		new JdbcTemplate(dataSource(install)).execute(statement);
		migrate(install, (jdbc) -> {
			assertThat(products(jdbc)).as("after %s", use).containsExactly("prisma");
			assertThat(jdbc.queryForObject(
					"select count(*) from releases r join products p on p.id = r.product_id where p.name = 'prisma'",
					Long.class))
				.isPositive();
		});
	}

	@Test
	void shouldReadTheSettingOnlyWhenV17Runs() throws SQLException {
		String install = newDatabase(null);
		migrate(install, (jdbc) -> assertThat(products(jdbc)).hasSize(2), "checkpoint.catalog.demo-data=true");
		migrate(install, (jdbc) -> assertThat(products(jdbc)).as("validated with the other value, and kept")
			.containsExactly("prisma", "terraform"));
	}

	/** A new database, empty or a copy of {@code template}, dropped after the test. */
	private String newDatabase(@Nullable String template) {
		String name = "demo_" + UUID.randomUUID().toString().replace("-", "");
		this.server.execute("create database " + name + ((template != null) ? " template " + template : ""));
		this.created.add(name);
		return name;
	}

	/** Migrates the database as the server does at start-up, with the given settings. */
	private void migrate(String database, Consumer<JdbcTemplate> check, String... settings) throws SQLException {
		this.runner.withPropertyValues(connection(database)).withPropertyValues(settings).run((context) -> {
			assertThat(context).hasNotFailed();
			check.accept(context.getBean(JdbcTemplate.class));
		});
	}

	private String[] connection(String database) throws SQLException {
		return new String[] { "spring.datasource.url=" + url(database),
				"spring.datasource.username=" + main().getUsername(),
				"spring.datasource.password=" + main().getPassword() };
	}

	private static List<String> products(JdbcTemplate jdbc) {
		return jdbc.queryForList("select name from products order by name", String.class);
	}

	private void dropDatabase(String name) {
		this.server.execute("drop database if exists " + name + " with (force)");
	}

	private String url(String database) throws SQLException {
		return main().getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
	}

	private DataSource dataSource(String database) throws SQLException {
		return new SimpleDriverDataSource(new Driver(), url(database), main().getUsername(), main().getPassword());
	}

	private HikariDataSource main() throws SQLException {
		return this.dataSource.unwrap(HikariDataSource.class);
	}

	/**
	 * What the server's start-up contributes to migrating: the setting and its
	 * placeholder. No {@code @Configuration}: the application's component scan in other
	 * tests skips it.
	 */
	@EnableConfigurationProperties(CatalogProperties.class)
	@Import(DemoDataPlaceholder.class)
	static class DemoDataMigration {

	}

}
