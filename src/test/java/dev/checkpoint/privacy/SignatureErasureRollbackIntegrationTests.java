package dev.checkpoint.privacy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.checkpoint.CheckpointIntegrationTest;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.shared.Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure is all or nothing: when one module fails, the rows the other modules already
 * deleted come back.
 */
@CheckpointIntegrationTest
@Import(SignatureErasureRollbackIntegrationTests.FailingEraser.class)
class SignatureErasureRollbackIntegrationTests {

	private static final String PRODUCT = "privtest-rollback";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FailingEraser failing;

	@Autowired
	Catalog catalog;

	/** Pings are stored for catalogue products only. */
	@BeforeEach
	void publishProduct() {
		this.jdbc.sql("insert into products (name) values (?) on conflict (name) do update set retired_at = null")
			.param(PRODUCT)
			.update();
		this.catalog.refresh();
	}

	@Test
	void shouldKeepEveryRowWhenOneModuleFailsToErase() {
		String signature = UUID.randomUUID().toString();
		assertThat(this.mvc.get()
			.uri("/v1/check/{product}", PRODUCT)
			.param("version", "1.0.0")
			.param("signature", signature)).hasStatusOk();
		assertThat(rows("pings", signature)).isPositive();
		assertThat(rows("monthly_actives", signature)).isEqualTo(1);

		assertThat(this.mvc.delete().uri("/api/privacy/signatures/{signature}", signature)).hasStatus(500);

		assertThat(this.failing.pingsSeen.get()).as("pings left when the failing module ran").isZero();
		assertThat(rows("pings", signature)).isPositive();
		assertThat(rows("monthly_actives", signature)).isEqualTo(1);
		this.jdbc.sql("delete from pings where product_id in (select id from ping_products where name = ?)")
			.param(PRODUCT)
			.update();
		this.jdbc.sql("delete from monthly_actives where product = ?").param(PRODUCT).update();
	}

	private long rows(String table, String signature) {
		return this.jdbc.sql("select count(*) from " + table + " where signature = ?")
			.param(Signatures.toUuid(signature))
			.query(Long.class)
			.single();
	}

	/**
	 * A module whose erasure fails at the last moment, when every module has run (just
	 * before the commit), noting how many of the signature's pings it still saw then.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingEraser implements SignatureEraser {

		final AtomicLong pingsSeen = new AtomicLong(-1);

		private final JdbcClient jdbc;

		FailingEraser(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public Map<String, Long> erase(UUID signature) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					FailingEraser.this.pingsSeen
						.set(FailingEraser.this.jdbc.sql("select count(*) from pings where signature = ?")
							.param(signature)
							.query(Long.class)
							.single());
					throw new IllegalStateException("erasure failed in a module");
				}

			});
			return Map.of();
		}

	}

}
