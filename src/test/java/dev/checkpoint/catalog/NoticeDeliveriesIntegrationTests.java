package dev.checkpoint.catalog;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.CheckpointApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notice deliveries stay bounded in memory whatever {@code notice_deliveries} holds: an
 * instance with a small cache reads only the newest deliveries at start, asks the
 * database once for an older one, and still sends each notice once per signature.
 */
@CheckpointIntegrationTest
class NoticeDeliveriesIntegrationTests {

	private static final String PRODUCT = "deliverytest";

	private static final int CACHE_SIZE = 50;

	/** Delivered a day ago, before the 200 newer deliveries stored at start. */
	private static final UUID OLD_SIGNATURE = UUID.randomUUID();

	private static ConfigurableApplicationContext small;

	private static int noticeId;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@BeforeEach
	void startSmallInstanceOnStoredDeliveries() {
		if (small != null) {
			return;
		}
		this.jdbc.sql("delete from notices where product_id in (select id from products where name = ?)")
			.param(PRODUCT)
			.update();
		this.jdbc.sql("delete from products where name = ?").param(PRODUCT).update();
		this.jdbc.sql("insert into products (name) values (?)").param(PRODUCT).update();
		noticeId = this.jdbc.sql("""
				insert into notices (product_id, published_at, message, level)
				select id, now(), 'Upgrade', 'warning' from products where name = ? returning id""")
			.param(PRODUCT)
			.query(Integer.class)
			.single();
		this.jdbc.sql("insert into notice_deliveries values (?, ?, now() - interval '1 day')")
			.params(noticeId, OLD_SIGNATURE)
			.update();
		this.jdbc.sql("""
				insert into notice_deliveries
				select ?, gen_random_uuid(), now() - interval '1 hour' from generate_series(1, 200)""")
			.param(noticeId)
			.update();
		small = new SpringApplicationBuilder(CheckpointApplication.class)
			.properties("spring.datasource.url=" + this.dataSource.getJdbcUrl(),
					"spring.datasource.username=" + this.dataSource.getUsername(),
					"spring.datasource.password=" + this.dataSource.getPassword(), "server.port=0",
					"spring.jmx.enabled=false", "checkpoint.scheduling.enabled=false",
					"checkpoint.catalog.deliveries.cache-size=" + CACHE_SIZE)
			.run();
	}

	@AfterAll
	static void stopSmallInstance() {
		if (small != null) {
			small.close();
			small = null;
		}
	}

	@Test
	void shouldReadOnlyTheNewestDeliveriesAtStartAndAskTheDatabaseOnceForAnOlderOne() {
		Catalog catalog = small.getBean(Catalog.class);
		assertThat(cached()).isPositive().isLessThanOrEqualTo(CACHE_SIZE);
		double before = lookups();

		assertThat(alerts(catalog, OLD_SIGNATURE)).isEmpty();
		assertThat(alerts(catalog, OLD_SIGNATURE)).isEmpty();
		assertThat(lookups() - before).isEqualTo(1);

		assertThat(alerts(catalog, UUID.randomUUID())).containsExactly(noticeId);
		assertThat(lookups() - before).as("a new signature is sent the notice without a query").isEqualTo(1);
	}

	@Test
	void shouldSendANoticeOncePerSignatureWhileKeepingAtMostTheCacheSizeInMemory() {
		Catalog catalog = small.getBean(Catalog.class);
		List<UUID> signatures = Stream.generate(UUID::randomUUID).limit(6 * CACHE_SIZE).toList();
		signatures.forEach((signature) -> assertThat(alerts(catalog, signature)).containsExactly(noticeId));
		assertThat(cached()).isLessThanOrEqualTo(CACHE_SIZE);
		signatures.forEach((signature) -> assertThat(alerts(catalog, signature)).as("not written yet").isEmpty());

		catalog.refresh();

		assertThat(this.jdbc.sql("select count(*) from notice_deliveries where signature in (:signatures)")
			.param("signatures", signatures)
			.query(Long.class)
			.single()).isEqualTo(signatures.size());
		signatures.forEach((signature) -> assertThat(alerts(catalog, signature)).as("written").isEmpty());
		assertThat(cached()).isLessThanOrEqualTo(CACHE_SIZE);
	}

	private static List<Integer> alerts(Catalog catalog, UUID signature) {
		return catalog.answer(PRODUCT, "1.0.0", "linux", "x64", signature)
			.orElseThrow()
			.alerts()
			.stream()
			.map(AlertView::id)
			.toList();
	}

	private static double cached() {
		return small.getBean(MeterRegistry.class).get("checkpoint.notices.deliveries.cached").gauge().value();
	}

	private static double lookups() {
		return small.getBean(MeterRegistry.class).get("checkpoint.notices.deliveries.lookups").counter().count();
	}

}
