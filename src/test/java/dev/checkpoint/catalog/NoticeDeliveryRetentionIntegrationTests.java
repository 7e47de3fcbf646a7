package dev.checkpoint.catalog;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.checkpoint.CheckpointIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@CheckpointIntegrationTest
class NoticeDeliveryRetentionIntegrationTests {

	private static final String PRODUCT = "retentiontest";

	@Autowired
	NoticeDeliveryRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogProperties properties;

	@Test
	void shouldDeleteDeliveriesOlderThanTheRetentionAndThoseOfRetiredNotices() {
		this.jdbc.sql("delete from notices where product_id in (select id from products where name = ?)")
			.param(PRODUCT)
			.update();
		this.jdbc.sql("delete from products where name = ?").param(PRODUCT).update();
		this.jdbc.sql("insert into products (name) values (?)").param(PRODUCT).update();
		int live = notice(false);
		int retired = notice(true);
		Duration retention = this.properties.deliveries().retention();
		UUID expired = deliver(live, retention.plusHours(1));
		UUID recent = deliver(live, retention.minusHours(1));
		UUID ofRetired = deliver(retired, Duration.ofMinutes(1));

		assertThat(this.retention.purgeExpired()).isGreaterThanOrEqualTo(2);

		assertThat(this.jdbc.sql("select signature from notice_deliveries where signature in (?, ?, ?)")
			.params(expired, recent, ofRetired)
			.query(UUID.class)
			.list()).isEqualTo(List.of(recent));
	}

	private int notice(boolean retired) {
		return this.jdbc.sql("""
				insert into notices (product_id, published_at, message, level, retired_at)
				select id, now(), 'Upgrade', 'info', case when ? then now() end from products where name = ?
				returning id""").params(retired, PRODUCT).query(Integer.class).single();
	}

	private UUID deliver(int notice, Duration age) {
		UUID signature = UUID.randomUUID();
		this.jdbc.sql("insert into notice_deliveries values (?, ?, now() - make_interval(secs => ?))")
			.params(notice, signature, age.toSeconds())
			.update();
		return signature;
	}

}
