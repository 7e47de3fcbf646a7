package dev.checkpoint.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which notices each signature already received, in memory, so a check filters
 * them without a query. New deliveries are written in batches on the refresh interval,
 * and other instances' deliveries are read back at the same time.
 */
@Component
class NoticeDeliveries {

	/**
	 * Deliveries committed this long before the last read are read again (commit lag).
	 */
	private static final Duration OVERLAP = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Map<Integer, Set<UUID>> delivered = new ConcurrentHashMap<>();

	private final Queue<Delivery> unsaved = new ConcurrentLinkedQueue<>();

	private Instant readUpTo = Instant.EPOCH;

	NoticeDeliveries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The alerts this signature has not received yet, now counted as received. */
	List<AlertView> undelivered(@Nullable UUID signature, List<AlertView> alerts) {
		if (signature == null || alerts.isEmpty()) {
			return alerts;
		}
		List<AlertView> fresh = new ArrayList<>(alerts.size());
		for (AlertView alert : alerts) {
			if (this.delivered.computeIfAbsent(alert.id(), (id) -> ConcurrentHashMap.newKeySet()).add(signature)) {
				fresh.add(alert);
				this.unsaved.add(new Delivery(alert.id(), signature, this.clock.instant()));
			}
		}
		return fresh;
	}

	/**
	 * Writes new deliveries, reads the ones other instances made, forgets retired
	 * notices.
	 */
	synchronized void synchronize(Set<Integer> liveNotices) {
		this.delivered.keySet().retainAll(liveNotices);
		save();
		Instant now = this.clock.instant();
		this.jdbc.query("select notice_id, signature from notice_deliveries where delivered_at >= ?", (rs) -> {
			this.delivered.computeIfAbsent(rs.getInt(1), (id) -> ConcurrentHashMap.newKeySet())
				.add(rs.getObject(2, UUID.class));
		}, Timestamp.from(this.readUpTo.minus(OVERLAP)));
		this.readUpTo = now;
	}

	/**
	 * Forgets every delivery to {@code signature}: the unsaved ones, the ones in memory
	 * and the stored ones (deleted in the caller's transaction). Other instances keep
	 * theirs in memory until they restart.
	 * @return the stored deliveries deleted
	 */
	synchronized long forget(UUID signature) {
		this.unsaved.removeIf((delivery) -> delivery.signature().equals(signature));
		forgetInMemory(signature);
		return this.jdbc.update("delete from notice_deliveries where signature = ?", signature);
	}

	/**
	 * Forgets the deliveries to {@code signature} in memory only: again once the deletion
	 * is committed, as a refresh before the commit may have read the rows back.
	 */
	synchronized void forgetInMemory(UUID signature) {
		this.delivered.values().forEach((signatures) -> signatures.remove(signature));
	}

	private void save() {
		List<Delivery> batch = new ArrayList<>();
		for (Delivery next = this.unsaved.poll(); next != null; next = this.unsaved.poll()) {
			batch.add(next);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.jdbc.update("""
					insert into notice_deliveries (notice_id, signature, delivered_at)
					select n, s, d from unnest(?::int[], ?::uuid[], ?::timestamptz[]) as t(n, s, d)
					where exists (select 1 from notices where id = n)
					on conflict do nothing""", (statement) -> {
				var connection = statement.getConnection();
				statement.setArray(1,
						connection.createArrayOf("int4", batch.stream().map(Delivery::noticeId).toArray()));
				statement.setArray(2,
						connection.createArrayOf("uuid", batch.stream().map(Delivery::signature).toArray()));
				statement.setArray(3, connection.createArrayOf("timestamptz",
						batch.stream().map((d) -> Timestamp.from(d.at())).toArray()));
			});
		}
		catch (RuntimeException ex) {
			this.unsaved.addAll(batch);
			throw ex;
		}
	}

	private record Delivery(int noticeId, UUID signature, Instant at) {
	}

}
