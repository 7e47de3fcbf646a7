package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the monthly partitions of {@code pings} ahead of time (this month and the next
 * few; each inherits the fold key index of the parent table), and drops the partitions
 * (and {@code monthly_actives} rows) of months past the raw retention. Safe to run on
 * several instances at once.
 */
@Component
class PartitionManager implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);

	private static final String PARTITIONS = """
			select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
			where i.inhparent = 'pings'::regclass order by c.relname""";

	private static final Pattern PARTITION_NAME = Pattern.compile("pings_(\\d{4})_(\\d{2})");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final IngestProperties properties;

	PartitionManager(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, IngestProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ensurePartitions();
	}

	void ensurePartitions() {
		YearMonth month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		for (int i = 0; i <= this.properties.partitionsAhead(); i++) {
			YearMonth next = month.plusMonths(i);
			this.transactions.executeWithoutResult((status) -> create(next));
		}
	}

	/**
	 * Drops the ping partitions of months entirely older than
	 * {@code checkpoint.ingest.raw-retention} months, and those months' rows of
	 * {@code monthly_actives}; each partition in its own short transaction.
	 * @return the months whose partition was dropped
	 */
	List<YearMonth> dropExpiredPartitions() {
		YearMonth oldestKept = YearMonth.now(this.clock.withZone(ZoneOffset.UTC))
			.minusMonths(this.properties.rawRetention());
		List<YearMonth> dropped = new ArrayList<>();
		for (String table : this.jdbc.sql(PARTITIONS).query(String.class).list()) {
			Matcher name = PARTITION_NAME.matcher(table);
			if (name.matches()) {
				YearMonth month = YearMonth.of(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)));
				if (month.isBefore(oldestKept)) {
					this.transactions.executeWithoutResult((status) -> drop(table));
					dropped.add(month);
				}
			}
		}
		Integer deleted = this.transactions
			.execute((status) -> this.jdbc.sql("delete from monthly_actives where month < ?")
				.param(oldestKept.atDay(1))
				.update());
		if (!dropped.isEmpty() || (deleted != null && deleted > 0)) {
			log.info("Raw retention: dropped ping partitions of {} and {} monthly_actives rows before {}", dropped,
					deleted, oldestKept);
		}
		return dropped;
	}

	private void drop(String table) {
		lockPartitions();
		// dropping a partition briefly locks the parent table: wait for ingest a little,
		// then give up until the next run rather than queue writers behind us
		this.jdbc.sql("set local lock_timeout = '10s'").update();
		this.jdbc.sql("drop table if exists " + table).update();
		log.info("Dropped ping partition {}", table);
	}

	private void create(YearMonth month) {
		lockPartitions();
		String table = "pings_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		LocalDate from = month.atDay(1);
		LocalDate to = month.plusMonths(1).atDay(1);
		boolean exists = this.jdbc.sql("select exists (select 1 from pg_class where relname = ?)")
			.param(table)
			.query(Boolean.class)
			.single();
		if (exists) {
			return;
		}
		this.jdbc
			.sql("create table %s partition of pings for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
				.formatted(table, from, to))
			.update();
		log.info("Created ping partition {}", table);
	}

	/** Serialises partition changes across instances, until the transaction ends. */
	private void lockPartitions() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('checkpoint.pings.partitions'))").query().listOfRows();
	}

}
