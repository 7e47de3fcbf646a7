package dev.checkpoint.catalog;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.CheckpointApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database: a catalogue change made anywhere reaches
 * both in-memory catalogues within the refresh interval.
 */
@CheckpointIntegrationTest
class CatalogCacheIntegrationTests {

	private static ConfigurableApplicationContext other;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@BeforeEach
	void startOtherInstanceAndClean() {
		if (other == null) {
			other = new SpringApplicationBuilder(CheckpointApplication.class)
				.properties("spring.datasource.url=" + this.dataSource.getJdbcUrl(),
						"spring.datasource.username=" + this.dataSource.getUsername(),
						"spring.datasource.password=" + this.dataSource.getPassword(), "server.port=0",
						"spring.jmx.enabled=false", "checkpoint.catalog.refresh-interval=500ms")
				.run();
		}
		this.jdbc.sql("delete from releases where product_id in (select id from products where name = 'cachetest')")
			.update();
		this.jdbc.sql("delete from notices where product_id in (select id from products where name = 'cachetest')")
			.update();
		this.jdbc.sql("delete from products where name = 'cachetest'").update();
	}

	@AfterAll
	static void stopOtherInstance() {
		if (other != null) {
			other.close();
			other = null;
		}
	}

	@Test
	void shouldShowChangesOnEveryInstanceWithinSeconds() {
		Catalog otherCatalog = other.getBean(Catalog.class);
		assertThat(otherCatalog).isNotSameAs(this.catalog);
		this.jdbc.sql("insert into products (name) values ('cachetest')").update();
		this.jdbc.sql("""
				insert into releases (product_id, version, channel, released_at)
				select id, '3.0.0', 'latest', now() from products where name = 'cachetest'""").update();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(currentVersion(this.catalog)).isEqualTo("3.0.0");
			assertThat(currentVersion(otherCatalog)).isEqualTo("3.0.0");
		});
		this.jdbc.sql("update products set retired_at = now() where name = 'cachetest'").update();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.catalog.knows("cachetest")).isFalse();
			assertThat(otherCatalog.knows("cachetest")).isFalse();
		});
	}

	@Test
	void shouldNotRepeatANoticeThatAnotherInstanceSentOnceBothRefreshed() {
		Catalog otherCatalog = other.getBean(Catalog.class);
		this.jdbc.sql("insert into products (name) values ('cachetest')").update();
		this.jdbc.sql("""
				insert into notices (product_id, published_at, message, level)
				select id, now(), 'Upgrade', 'warning' from products where name = 'cachetest'""").update();
		this.catalog.refresh();
		otherCatalog.refresh();
		UUID signature = UUID.randomUUID();
		assertThat(alerts(this.catalog, signature)).hasSize(1);

		this.catalog.refresh();
		otherCatalog.refresh();

		assertThat(alerts(otherCatalog, signature)).isEmpty();
		assertThat(alerts(otherCatalog, UUID.randomUUID())).hasSize(1);
	}

	private static List<AlertView> alerts(Catalog catalog, UUID signature) {
		return catalog.answer("cachetest", "1.0.0", "linux", "amd64", signature).orElseThrow().alerts();
	}

	private static String currentVersion(Catalog catalog) {
		return catalog.answer("cachetest", "1.0.0", "linux", "amd64", null)
			.map(CheckAnswer::current)
			.map(ReleaseView::version)
			.orElse("");
	}

}
