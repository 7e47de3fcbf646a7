package dev.checkpoint.ingest;

import java.util.Map;
import java.util.UUID;

import dev.checkpoint.privacy.SignatureEraser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a signature's raw pings and its monthly-active rows. {@code monthly_anonymous}
 * holds counts only and the closed reports aggregates only, so they stay.
 */
@Component
class PingErasure implements SignatureEraser {

	private final JdbcClient jdbc;

	PingErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> erase(UUID signature) {
		long pings = this.jdbc.sql("delete from pings where signature = ?").param(signature).update();
		long actives = this.jdbc.sql("delete from monthly_actives where signature = ?").param(signature).update();
		return Map.of("pings", pings, "monthly_actives", actives);
	}

}
