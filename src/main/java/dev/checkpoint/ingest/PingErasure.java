package dev.checkpoint.ingest;

import java.util.Map;
import java.util.UUID;

import dev.checkpoint.privacy.SignatureEraser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a signature's raw pings and its monthly-active rows, and marks the days those
 * pings were on in {@code ping_late_days} so that reports recompute them without the
 * signature. {@code monthly_anonymous} holds counts only and the closed reports
 * aggregates only, so they stay.
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
		long pings = this.jdbc.sql("""
				with erased as (
				  delete from pings where signature = :signature returning product_id, received_at
				), marked as (
				  insert into ping_late_days (product, day)
				  select distinct n.name, (e.received_at at time zone 'UTC')::date
				  from erased e join ping_products n on n.id = e.product_id
				  order by 1, 2
				  on conflict do nothing
				)
				select count(*) from erased""").param("signature", signature).query(Long.class).single();
		long actives = this.jdbc.sql("delete from monthly_actives where signature = ?").param(signature).update();
		return Map.of("pings", pings, "monthly_actives", actives);
	}

}
