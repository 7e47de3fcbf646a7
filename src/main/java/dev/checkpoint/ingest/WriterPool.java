package dev.checkpoint.ingest;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ping writer's own small connection pool (pool name {@code ping-writer}), on the
 * same database as the application's pool but apart from it, so that reports and admin
 * calls never hold the connections a group commit needs:
 * <ul>
 * <li>one connection per writer thread and one for the spool replay, so a connection is
 * always free while the database answers;</li>
 * <li>its connection timeout is {@code checkpoint.ingest.spool.connection-wait}: a batch
 * that has no connection by then has written nothing, and goes to the spool;</li>
 * <li>its socket timeout is {@code checkpoint.ingest.spool.store-timeout} (whole
 * seconds): a database that stops answering mid-statement costs that long, then the batch
 * goes to the spool.</li>
 * </ul>
 * Callers own the transaction: {@link #transactions()} runs on this pool, and
 * {@link #jdbc()} takes part in it (outside one, each statement commits on its own).
 */
@Component
class WriterPool implements DisposableBean {

	private final HikariDataSource pool;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	WriterPool(DataSource application, IngestProperties properties, MeterRegistry meters) throws SQLException {
		if (!application.isWrapperFor(HikariDataSource.class)) {
			throw new IllegalStateException("The ping writer needs the application's DataSource to be Hikari's "
					+ "(Spring Boot's default) to open its own pool on the same database");
		}
		HikariDataSource source = application.unwrap(HikariDataSource.class);
		if (source.getJdbcUrl() == null) {
			throw new IllegalStateException("The ping writer needs spring.datasource.url (a JDBC URL)");
		}
		HikariConfig config = new HikariConfig();
		config.setPoolName("ping-writer");
		config.setJdbcUrl(source.getJdbcUrl());
		config.setUsername(source.getUsername());
		config.setPassword(source.getPassword());
		if (source.getDriverClassName() != null) {
			config.setDriverClassName(source.getDriverClassName());
		}
		source.getDataSourceProperties().forEach((key, value) -> config.addDataSourceProperty((String) key, value));
		long storeTimeout = properties.spool().storeTimeout().toMillis();
		config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, (storeTimeout + 999) / 1000)));
		int size = properties.writerThreads() + 1;
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(size);
		long connectionWait = Math.max(250, properties.spool().connectionWait().toMillis());
		config.setConnectionTimeout(connectionWait);
		// checking an idle connection must fit in the connection wait, too
		config.setValidationTimeout(Math.max(250, connectionWait / 2));
		// start even while the database is away: pings are spooled meanwhile
		config.setInitializationFailTimeout(-1);
		config.setMetricRegistry(meters);
		this.pool = new HikariDataSource(config);
		this.jdbc = JdbcClient.create(this.pool);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.pool));
	}

	/** Statements on this pool, inside the caller's transaction when there is one. */
	JdbcClient jdbc() {
		return this.jdbc;
	}

	/** Transactions on this pool. */
	TransactionTemplate transactions() {
		return this.transactions;
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

}
