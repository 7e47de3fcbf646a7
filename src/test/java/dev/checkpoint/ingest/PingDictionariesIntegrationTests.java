package dev.checkpoint.ingest;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.checkpoint.CheckpointIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dictionary of ping shapes: one id per distinct set of values, every value kept as
 * sent, no id remembered from a transaction that rolled back, and rows stored before the
 * dictionary existed given their shapes by the migration.
 */
@CheckpointIntegrationTest
class PingDictionariesIntegrationTests {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	PingShapes shapes;

	@BeforeEach
	void newDictionary() {
		this.shapes = new PingShapes();
	}

	@Test
	void shouldGiveEqualShapesOneIdAndDifferentShapesTheirOwn() {
		String tag = UUID.randomUUID().toString();
		PingShape full = new PingShape(tag, "linux", "x64", "GitHub Actions", "local", "v20.11.1",
				List.of("postgresql", "sqlite"), List.of("driverAdapters"), List.of("prisma-client-js"), "1.2.0",
				"prisma/checkpoint-client");
		PingShape bare = shape(tag, List.of());
		PingShape emptyItem = shape(tag, List.of(""));
		PingShape twoEmptyItems = shape(tag, List.of("", ""));
		PingShape nullUserAgent = new PingShape(tag, "linux", "x64", null, null, null, List.of(), List.of(), List.of(),
				null, null);
		PingShape emptyUserAgent = new PingShape(tag, "linux", "x64", null, null, null, List.of(), List.of(), List.of(),
				null, "");

		int[] ids = this.shapes.ids(this.jdbc,
				List.of(full, bare, full, emptyItem, twoEmptyItems, nullUserAgent, emptyUserAgent, bare));

		assertThat(ids[0]).isEqualTo(ids[2]).isPositive();
		assertThat(ids[1]).isEqualTo(ids[7]);
		assertThat(List.of(ids[0], ids[1], ids[3], ids[4], ids[6])).doesNotHaveDuplicates();
		assertThat(ids[5]).as("a shape without lists is the bare one").isEqualTo(ids[1]);
		assertThat(count("select count(*) from ping_shapes where version = ?", tag)).isEqualTo(5);
		assertThat(this.jdbc.sql("""
				select version, os, arch, ci_name, cli_install_type, node_version,
				  replace(schema_providers, chr(31), ',') as providers,
				  replace(schema_preview_features, chr(31), ',') as features,
				  replace(schema_generators_providers, chr(31), ',') as generators, checkpoint_version, user_agent
				from ping_shapes where id = ?""").param(ids[0]).query().singleRow()).containsEntry("version", tag)
			.containsEntry("ci_name", "GitHub Actions")
			.containsEntry("cli_install_type", "local")
			.containsEntry("node_version", "v20.11.1")
			.containsEntry("providers", "postgresql,sqlite")
			.containsEntry("features", "driverAdapters")
			.containsEntry("generators", "prisma-client-js")
			.containsEntry("checkpoint_version", "1.2.0")
			.containsEntry("user_agent", "prisma/checkpoint-client");
		assertThat(this.jdbc
			.sql("select cardinality(string_to_array(schema_providers, chr(31))) from ping_shapes where id = ?")
			.param(ids[4])
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.shapes.ids(this.jdbc, List.of(bare, full))).containsExactly(ids[1], ids[0]);
		assertThat(new PingShapes().ids(this.jdbc, List.of(full, bare))).as("another instance finds the stored shapes")
			.containsExactly(ids[0], ids[1]);
	}

	@Test
	void shouldGiveEachProductNameOneId() {
		String name = "dictionary-" + UUID.randomUUID();
		PingProducts products = new PingProducts();

		int[] ids = products.ids(this.jdbc, List.of(name, name + "-other", name));

		assertThat(ids[0]).isEqualTo(ids[2]).isNotEqualTo(ids[1]);
		assertThat(new PingProducts().ids(this.jdbc, List.of(name + "-other", name))).containsExactly(ids[1], ids[0]);
		assertThat(
				this.jdbc.sql("select name from ping_products where id = ?").param(ids[1]).query(String.class).single())
			.isEqualTo(name + "-other");
	}

	@Test
	void shouldNotRememberAnIdWhoseTransactionRolledBack() {
		PingShape shape = shape(UUID.randomUUID().toString(), List.of("mysql"));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		int rolledBack = transaction.execute((status) -> {
			int id = this.shapes.ids(this.jdbc, List.of(shape))[0];
			status.setRollbackOnly();
			return id;
		});
		assertThat(count("select count(*) from ping_shapes where id = ?", rolledBack)).isZero();

		int stored = this.shapes.ids(this.jdbc, List.of(shape))[0];

		assertThat(stored).isNotEqualTo(rolledBack);
		assertThat(count("select count(*) from ping_shapes where id = ?", stored)).isOne();
	}

	@Test
	void shouldGiveTheRowsStoredBeforeTheDictionaryTheirShapes() throws SQLException {
		String database = "shapes_" + UUID.randomUUID().toString().replace("-", "");
		this.jdbcTemplate.execute("create database " + database);
		try {
			DataSource old = dataSource(database);
			Flyway.configure().dataSource(old).target("14").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(old);
			jdbc.execute("create table pings_2026_11 partition of pings"
					+ " for values from ('2026-11-01 00:00:00+00') to ('2026-12-01 00:00:00+00')");
			jdbc.execute(
					"""
							insert into pings (received_at, kind, product, version, os, arch, signature, ci, command,
							  node_version, schema_providers, user_agent, hits)
							values
							  ('2026-11-02 00:00+00', 1, 'prisma', '5.22.0', 'linux', 'x64', gen_random_uuid(), false, 'generate',
							   'v20.11.1', '{postgresql,sqlite}', 'prisma/checkpoint-client', 3),
							  ('2026-11-03 00:00+00', 1, 'prisma', '5.22.0', 'linux', 'x64', gen_random_uuid(), true, 'migrate',
							   'v20.11.1', '{postgresql,sqlite}', 'prisma/checkpoint-client', 1),
							  ('2026-11-03 12:00+00', 2, 'terraform', '1.9.0', 'darwin', 'arm64', null, null, null,
							   null, null, null, 1)""");

			Flyway.configure().dataSource(old).target("15").load().migrate();

			assertThat(jdbc.queryForObject("select count(*) from ping_shapes", Long.class)).isEqualTo(2);
			assertThat(jdbc.queryForList("select name from ping_products order by id", String.class))
				.containsExactly("prisma", "terraform");
			assertThat(jdbc.queryForObject("select count(*) from pings_2026_11", Long.class))
				.as("the month's partition again, with its rows")
				.isEqualTo(3);
			assertThat(jdbc.queryForList("""
					select product, version, os, arch, command, node_version,
					  array_to_string(schema_providers, ',') as providers, user_agent, hits
					from ping_details order by received_at""")).containsExactly(
					row("prisma", "5.22.0", "linux", "x64", "generate", "v20.11.1", "postgresql,sqlite",
							"prisma/checkpoint-client", 3),
					row("prisma", "5.22.0", "linux", "x64", "migrate", "v20.11.1", "postgresql,sqlite",
							"prisma/checkpoint-client", 1),
					row("terraform", "1.9.0", "darwin", "arm64", null, null, null, null, 1));
			assertThat(new PingShapes().ids(JdbcClient.create(jdbc),
					List.of(new PingShape("5.22.0", "linux", "x64", null, null, "v20.11.1",
							List.of("postgresql", "sqlite"), List.of(), List.of(), null, "prisma/checkpoint-client"))))
				.as("the application finds a migrated shape by its digest")
				.containsExactly(
						jdbc.queryForObject("select shape_id from pings where command = 'generate'", Integer.class));
		}
		finally {
			this.jdbcTemplate.execute("drop database if exists " + database + " with (force)");
		}
	}

	private static PingShape shape(String version, List<String> providers) {
		return new PingShape(version, "linux", "x64", null, null, null, providers, List.of(), List.of(), null, null);
	}

	private static Map<String, Object> row(String product, String version, String os, String arch, String command,
			String nodeVersion, String providers, String userAgent, int hits) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("product", product);
		row.put("version", version);
		row.put("os", os);
		row.put("arch", arch);
		row.put("command", command);
		row.put("node_version", nodeVersion);
		row.put("providers", providers);
		row.put("user_agent", userAgent);
		row.put("hits", hits);
		return row;
	}

	private DataSource dataSource(String database) throws SQLException {
		HikariDataSource main = this.dataSource.unwrap(HikariDataSource.class);
		String other = main.getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
		return new SimpleDriverDataSource(new Driver(), other, main.getUsername(), main.getPassword());
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

}
