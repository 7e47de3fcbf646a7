package dev.checkpoint.reports;

import java.util.Map;
import java.util.UUID;

import dev.checkpoint.privacy.SignatureEraser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what reports keep under a signature while they are being computed: the values a
 * developer was seen with in the current month ({@code month_value_developers}; the
 * months they were in are rebuilt from the pings on their next refresh, without the
 * signature) and the notices a developer was seen exposed to
 * ({@code notice_exposed_developers}). The stored reports hold counts only; the days the
 * erased pings were on are computed again, as ingest marks them.
 */
@Component
class ReportsErasure implements SignatureEraser {

	private final JdbcClient jdbc;

	ReportsErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> erase(UUID signature) {
		long values = this.jdbc.sql("""
				with erased as (
				  delete from month_value_developers where signature = :signature returning month
				), rebuilt as (
				  insert into month_rebuilds (month) select distinct month from erased order by 1 on conflict do nothing
				)
				select count(*) from erased""").param("signature", signature).query(Long.class).single();
		long exposed = this.jdbc.sql("delete from notice_exposed_developers where signature = :signature")
			.param("signature", signature)
			.update();
		return Map.of("month_value_developers", values, "notice_exposed_developers", exposed);
	}

}
