package dev.checkpoint.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import dev.checkpoint.CheckpointApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report API served from a PostgreSQL streaming standby: a primary and a hot standby
 * of it (embedded binaries; the base backup taken with {@code pg_backup_start} and
 * {@code pg_backup_stop}, as {@code pg_basebackup} takes it, which the embedded bundle
 * lacks), the server writing pings and reports on the primary and reading reports from
 * the standby. With the standby's replay paused, the API keeps answering what the standby
 * holds while the primary already has newer figures; resumed, it answers those.
 */
class ReportsStandbyIT {

	private static final String PRODUCT = "standbytest";

	/** What a base backup leaves out: the server's own state and the WAL. */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
			"pg_stat_tmp", "epg-lock");

	@TempDir
	static Path folder;

	private static EmbeddedPostgres primary;

	private static EmbeddedPostgres standby;

	private static ConfigurableApplicationContext server;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startPrimaryStandbyAndServer() throws Exception {
		Path primaryData = folder.resolve("primary");
		primary = EmbeddedPostgres.builder()
			.setDataDirectory(primaryData)
			.setCleanDataDirectory(true)
			.setServerConfig("wal_level", "replica")
			.setServerConfig("max_wal_senders", "4")
			.setServerConfig("max_connections", "50")
			.setServerConfig("synchronous_commit", "on")
			.start();
		Path standbyData = folder.resolve("standby");
		try (Connection connection = primary.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("select pg_backup_start('standby', true)");
			copy(primaryData, standbyData);
			try (ResultSet stop = statement.executeQuery("select labelfile from pg_backup_stop(true)")) {
				stop.next();
				Files.writeString(standbyData.resolve("backup_label"), stop.getString(1));
			}
		}
		Files.createDirectories(standbyData.resolve("pg_wal/archive_status"));
		Files.setPosixFilePermissions(standbyData, PosixFilePermissions.fromString("rwx------"));
		Files.writeString(standbyData.resolve("standby.signal"), "");
		Files.writeString(standbyData.resolve("postgresql.auto.conf"),
				"\nprimary_conninfo = 'host=localhost port=%d user=postgres'\n".formatted(primary.getPort()),
				StandardOpenOption.APPEND);
		standby = EmbeddedPostgres.builder()
			.setDataDirectory(standbyData)
			.setCleanDataDirectory(false)
			.setServerConfig("hot_standby", "on")
			.setServerConfig("max_connections", "50")
			.start();
		server = new SpringApplicationBuilder(CheckpointApplication.class).run("--server.port=0",
				"--spring.jmx.enabled=false", "--spring.datasource.url=" + primary.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres",
				"--checkpoint.reports.datasource.url=" + standby.getJdbcUrl("postgres", "postgres"),
				"--checkpoint.reports.datasource.username=postgres", "--checkpoint.reports.datasource.max-lag=2m");
	}

	@AfterAll
	static void stopAll() throws IOException {
		if (server != null) {
			server.close();
		}
		if (standby != null) {
			standby.close();
		}
		if (primary != null) {
			primary.close();
		}
	}

	@Test
	void shouldServeReportsFromTheStandbyWhileWritesStayOnThePrimary() throws Exception {
		TestServer http = new TestServer(((WebServerApplicationContext) server).getWebServer().getPort());
		assertThat(server.getBean(ReportReads.class).fromStandby()).isTrue();
		assertThat(query(standby, "select pg_is_in_recovery()")).isEqualTo("t");
		http.admin("POST", "/api/admin/products", "{\"name\": \"%s\"}".formatted(PRODUCT), 201);
		String token = this.json
			.readTree(http.admin("POST", "/api/admin/tokens", "{\"name\": \"standby\", \"role\": \"OPERATOR\"}", 201)
				.body())
			.get("token")
			.asString();
		checks(http, PRODUCT, 6, "1.0.0");
		server.getBean(MauReportService.class).refreshCurrentMonth();
		assertThat(mauOnPrimary()).isEqualTo(6);
		await("the standby replays the report", () -> mauOnApi(http, token) == 6);

		query(standby, "select pg_wal_replay_pause()");
		await("replay paused", () -> "paused".equals(query(standby, "select pg_get_wal_replay_pause_state()")));
		checks(http, PRODUCT, 3, "1.0.0");
		CompletableFuture<YearMonth> refresh = CompletableFuture
			.supplyAsync(server.getBean(MauReportService.class)::refreshCurrentMonth);
		Thread.sleep(1500);
		assertThat(refresh).as("the refresh waits for the standby to replay the pings").isNotDone();
		assertThat(mauOnPrimary()).isEqualTo(6);
		assertThat(mauOnApi(http, token)).as("read from the paused standby").isEqualTo(6);
		assertThat(get(http, "/api/reports/headlines?product=" + PRODUCT, token).statusCode()).isEqualTo(200);

		query(standby, "select pg_wal_replay_resume()");
		refresh.get(30, TimeUnit.SECONDS);
		assertThat(mauOnPrimary()).as("computed from the standby, written on the primary").isEqualTo(9);
		await("the standby replays the newer report", () -> mauOnApi(http, token) == 9);
	}

	/**
	 * The jobs' figures read from the standby are those read from the primary: every
	 * report table of a product, computed once with the reads on the standby (a day, a
	 * rebuild of the month and a refresh, the cohorts and a notice's exposure) and once
	 * more, from scratch, by a second server that reads the primary only.
	 */
	@Test
	void shouldComputeFromTheStandbyWhatThePrimaryComputes() throws InterruptedException {
		TestServer http = new TestServer(((WebServerApplicationContext) server).getWebServer().getPort());
		String product = "standbyjobs";
		http.admin("POST", "/api/admin/products", "{\"name\": \"%s\"}".formatted(product), 201);
		http.admin("POST", "/api/admin/products/%s/notices".formatted(product),
				"{\"message\": \"Upgrade\", \"level\": \"critical\", \"version_range\": \"<2.0.0\"}", 201);
		checks(http, product, 7, "1.0.0");
		checks(http, product, 5, "2.1.0");
		http.check(product, null, "1.5.0", false);
		JdbcClient jdbc = server.getBean(JdbcClient.class);
		await("the notice's deliveries recorded",
				() -> jdbc.sql("select count(*) from notice_deliveries").query(Long.class).single() == 7);
		List<String> fromStandby = computeAndRead(server, product);
		assertThat(fromStandby).anyMatch((row) -> row.startsWith("daily_reports") && row.contains("\"developers\": 12"))
			.anyMatch((row) -> row.startsWith("notice_exposure_days") && row.contains("\"exposed\": 7"))
			.anyMatch((row) -> row.startsWith("mau_breakdowns") && row.contains("\"value\": \"2.1.0\""))
			.anyMatch((row) -> row.startsWith("mau_cohorts"));

		for (String table : REPORT_TABLES) {
			jdbc.sql("delete from " + table + " as t where " + ofProduct(table)).param("product", product).update();
		}
		jdbc.sql("delete from daily_computed").update();
		try (ConfigurableApplicationContext primaryOnly = new SpringApplicationBuilder(CheckpointApplication.class).run(
				"--server.port=0", "--spring.jmx.enabled=false",
				"--spring.datasource.url=" + primary.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres")) {
			assertThat(primaryOnly.getBean(ReportReads.class).fromStandby()).isFalse();
			assertThat(computeAndRead(primaryOnly, product)).isEqualTo(fromStandby);
		}
	}

	/** The tables the report jobs write, with a product's rows. */
	private static final List<String> REPORT_TABLES = List.of("daily_reports", "daily_breakdowns", "mau_reports",
			"mau_breakdowns", "mau_cohorts", "month_value_counts", "month_value_developers", "notice_exposure_days",
			"notice_exposed_developers");

	private static String ofProduct(String table) {
		return table.startsWith("notice_")
				? "t.notice_id in (select id from notices where product_id = (select id from products where name = :product))"
				: "t.product = :product";
	}

	/**
	 * Computes today, rebuilds the month and refreshes it, and reads every report table's
	 * rows of the product (without the times they were computed at).
	 */
	private static List<String> computeAndRead(ConfigurableApplicationContext context, String product) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		YearMonth month = YearMonth.from(today);
		context.getBean(DailyCalculator.class).compute(today);
		jdbc.sql("insert into month_rebuilds (month) values (:month) on conflict do nothing")
			.param("month", month.atDay(1))
			.update();
		context.getBean(MauCalculator.class).compute(month, false);
		context.getBean(MauCalculator.class).compute(month, false);
		context.getBean(CohortCalculator.class).computeOpen(month);
		List<String> rows = new ArrayList<>();
		for (String table : REPORT_TABLES) {
			rows.addAll(jdbc
				.sql("select '%1$s ' || (to_jsonb(t) - 'computed_at')::text from %1$s as t where %2$s order by 1"
					.formatted(table, ofProduct(table)))
				.param("product", product)
				.query(String.class)
				.list());
		}
		return rows;
	}

	/** Sends checks of new developers, on the primary. */
	private static void checks(TestServer http, String product, int developers, String version) {
		for (int i = 0; i < developers; i++) {
			http.check(product, UUID.randomUUID(), version, false);
		}
	}

	private long mauOnPrimary() {
		return server.getBean(JdbcClient.class)
			.sql("select coalesce(max(developers), 0) from mau_reports where product = ?")
			.param(PRODUCT)
			.query(Long.class)
			.single();
	}

	private long mauOnApi(TestServer http, String token) {
		HttpResponse<String> response = get(http, "/api/reports/mau?product=" + PRODUCT, token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> developers = this.json.readTree(response.body())
			.get("months")
			.valueStream()
			.map((month) -> month.get("developers").asLong())
			.toList();
		return developers.isEmpty() ? 0 : developers.get(developers.size() - 1);
	}

	private static HttpResponse<String> get(TestServer http, String path, String token) {
		return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token).build());
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as(what).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static String query(EmbeddedPostgres database, String sql) {
		try (Connection connection = database.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The data directory's files, without what a base backup leaves out. */
	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path relative = from.relativize(file);
				if (relative.getNameCount() > 0 && LEFT_OUT.contains(relative.getName(0).toString())
						&& !(relative.getNameCount() == 1 && Files.isDirectory(file))) {
					continue;
				}
				Path target = to.resolve(relative.toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (Files.exists(file)) {
					try {
						Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (java.nio.file.NoSuchFileException ex) {
						// removed while copying (a temporary file): the WAL replay has it
					}
				}
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
