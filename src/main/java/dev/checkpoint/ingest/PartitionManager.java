package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the monthly partitions of {@code pings} ahead of time (this month and the next
 * few), each with its own unique index on {@code client_event_id} so that a retried ping
 * is stored once. Safe to run on several instances at once.
 */
@Component
class PartitionManager implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final IngestProperties properties;

	PartitionManager(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, IngestProperties properties) {
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

	private void create(YearMonth month) {
		this.jdbc.queryForList("select pg_advisory_xact_lock(hashtext('checkpoint.pings.partitions'))");
		String table = "pings_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
		LocalDate from = month.atDay(1);
		LocalDate to = month.plusMonths(1).atDay(1);
		Integer exists = this.jdbc.queryForObject("select count(*) from pg_class where relname = ?", Integer.class,
				table);
		if (exists != null && exists > 0) {
			return;
		}
		this.jdbc.execute("create table %s partition of pings for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
			.formatted(table, from, to));
		this.jdbc
			.execute("create unique index %s_client_event_id on %s (client_event_id) where client_event_id is not null"
				.formatted(table, table));
		log.info("Created ping partition {}", table);
	}

}
