package dev.checkpoint.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of {@code notice_deliveries}: which notice was sent to which signature, and
 * when.
 */
@Component
class NoticeDeliveryStore {

	/**
	 * Rows fetched at a time when every delivery is read, so they never sit in memory.
	 */
	private static final int FETCH_SIZE = 10_000;

	private final JdbcClient jdbc;

	NoticeDeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores new deliveries in one statement. Those of notices deleted meanwhile, and
	 * those already stored, are skipped.
	 */
	void save(List<Map.Entry<DeliveryKey, Instant>> batch) {
		this.jdbc.sql("""
				insert into notice_deliveries (notice_id, signature, delivered_at)
				select n, s, d from unnest(?::int[], ?::uuid[], ?::timestamptz[]) as t(n, s, d)
				where exists (select 1 from notices where id = n)
				on conflict do nothing""")
			.param(new SqlArrayValue("int4", batch.stream().map((entry) -> entry.getKey().noticeId()).toArray()))
			.param(new SqlArrayValue("uuid", batch.stream().map((entry) -> entry.getKey().signature()).toArray()))
			.param(new SqlArrayValue("timestamptz",
					batch.stream().map((entry) -> Timestamp.from(entry.getValue())).toArray()))
			.update();
	}

	/** Which of {@code noticeIds} are stored as sent to {@code signature}. */
	Set<Integer> delivered(UUID signature, Collection<Integer> noticeIds) {
		return new HashSet<>(this.jdbc.sql("""
				select notice_id from notice_deliveries where signature = :signature and notice_id in (:ids)""")
			.param("signature", signature)
			.param("ids", noticeIds)
			.query(Integer.class)
			.list());
	}

	/**
	 * Reads every stored delivery, a batch of rows at a time (in a transaction, so that
	 * PostgreSQL streams them through a cursor).
	 * @return how many were read
	 */
	@Transactional(readOnly = true)
	long forEach(Consumer<DeliveryKey> action) {
		long[] rows = { 0 };
		this.jdbc.sql("select notice_id, signature from notice_deliveries").withFetchSize(FETCH_SIZE).query((rs) -> {
			action.accept(DeliveryKey.of(rs.getInt(1), rs.getObject(2, UUID.class)));
			rows[0]++;
		});
		return rows[0];
	}

	/** Reads the deliveries made at or after {@code since}, by any instance. */
	void forEachSince(Instant since, Consumer<DeliveryKey> action) {
		this.jdbc.sql("select notice_id, signature from notice_deliveries where delivered_at >= ?")
			.param(Timestamp.from(since))
			.query((rs) -> {
				action.accept(DeliveryKey.of(rs.getInt(1), rs.getObject(2, UUID.class)));
			});
	}

	/** Reads the {@code limit} newest deliveries, newest first (streamed too). */
	@Transactional(readOnly = true)
	void forEachNewest(int limit, Consumer<DeliveryKey> action) {
		this.jdbc.sql("select notice_id, signature from notice_deliveries order by delivered_at desc limit ?")
			.param(limit)
			.withFetchSize(FETCH_SIZE)
			.query((rs) -> {
				action.accept(DeliveryKey.of(rs.getInt(1), rs.getObject(2, UUID.class)));
			});
	}

	/** Deletes the deliveries to {@code signature}, in the caller's transaction. */
	long delete(UUID signature) {
		return this.jdbc.sql("delete from notice_deliveries where signature = ?").param(signature).update();
	}

	/**
	 * Deletes the deliveries made before {@code cutoff}, and those of retired notices.
	 */
	long deleteExpired(Instant cutoff) {
		return this.jdbc.sql("""
				delete from notice_deliveries
				where delivered_at < ? or notice_id in (select id from notices where retired_at is not null)""")
			.param(Timestamp.from(cutoff))
			.update();
	}

}
