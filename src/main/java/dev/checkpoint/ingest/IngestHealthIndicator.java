package dev.checkpoint.ingest;

import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code ingest} in {@code /actuator/health}, in place of the plain database check:
 * {@code UP} when the database answers and the spool is empty, {@code DEGRADED} (still
 * HTTP 200: checks are answered from memory and pings are spooled) while the database is
 * unreachable or spooled pings wait to be stored, {@code DOWN} when the database fails in
 * another way.
 */
@Component
class IngestHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED",
			"Database unreachable or spooled pings not yet stored; checks answered from memory");

	private final DatabaseOutage outage;

	private final PingSpool spool;

	IngestHealthIndicator(DatabaseOutage outage, PingSpool spool) {
		this.outage = outage;
		this.spool = spool;
	}

	@Override
	public Health health() {
		if (!this.outage.isActive()) {
			DataAccessException failure = this.outage.probe();
			if (failure != null && !StorageFailureClassifier.isOutage(failure)) {
				return spoolDetails(Health.down(failure)).build();
			}
		}
		Instant since = this.outage.since();
		Health.Builder health = (since != null || !this.spool.isEmpty()) ? Health.status(DEGRADED) : Health.up();
		health.withDetail("database", (since != null) ? "unreachable" : "up");
		if (since != null) {
			health.withDetail("unreachable_since", since.toString());
		}
		String lastError = this.outage.lastError();
		if (lastError != null) {
			health.withDetail("last_error", lastError);
		}
		return spoolDetails(health).build();
	}

	private Health.Builder spoolDetails(Health.Builder health) {
		return health.withDetail("spooled_batches", this.spool.batches())
			.withDetail("spooled_bytes", this.spool.bytes())
			.withDetail("spool_max_bytes", this.spool.maxBytes());
	}

}
