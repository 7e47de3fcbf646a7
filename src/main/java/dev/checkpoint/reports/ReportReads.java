package dev.checkpoint.reports;

import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database the report API reads: the application's own, or the streaming standby
 * {@code checkpoint.reports.datasource.url} names (its own small pool, read-only). Each
 * read runs in one read-only transaction there, so its statements see one snapshot. The
 * jobs that compute reports read there too ({@link JobReads}) and write on the primary
 * (docs/operations.md, "Reports from a standby").
 */
@Component
class ReportReads implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportReads.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final @Nullable HikariDataSource standby;

	ReportReads(JdbcClient jdbc, PlatformTransactionManager transactions, ReportsDataSourceProperties properties) {
		if (properties.url() == null || properties.url().isBlank()) {
			this.standby = null;
			this.jdbc = jdbc;
			this.transactions = readOnly(transactions);
		}
		else {
			this.standby = standby(properties);
			this.jdbc = JdbcClient.create(this.standby);
			this.transactions = readOnly(new JdbcTransactionManager(this.standby));
			log.info("Report reads go to {}", properties.url());
		}
	}

	/** Runs {@code read} in one read-only transaction on the reports' database. */
	<T> T read(Function<JdbcClient, T> read) {
		T result = this.transactions.execute((status) -> read.apply(this.jdbc));
		if (result == null) {
			throw new IllegalStateException("A report read answered nothing");
		}
		return result;
	}

	/** Whether reads go to a standby rather than to the application's database. */
	boolean fromStandby() {
		return this.standby != null;
	}

	@Override
	public void destroy() {
		if (this.standby != null) {
			this.standby.close();
		}
	}

	private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setReadOnly(true);
		return template;
	}

	private static HikariDataSource standby(ReportsDataSourceProperties properties) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("reports");
		dataSource.setJdbcUrl(properties.url());
		dataSource.setUsername(properties.username());
		dataSource.setPassword(properties.password());
		dataSource.setMaximumPoolSize(properties.maximumPoolSize());
		dataSource.setMinimumIdle(0);
		dataSource.setReadOnly(true);
		dataSource.setConnectionTimeout(3000);
		// text results, which the jobs' reads copy to the primary as they are (JobReads)
		dataSource.addDataSourceProperty("binaryTransfer", "false");
		return dataSource;
	}

}
