package dev.checkpoint.ingest;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Classifies why storing failed: the database is unreachable (the pings go to the spool),
 * or it refused the content (the batch is split to find the bad ping).
 */
final class StorageFailureClassifier {

	/**
	 * SQL states that mean the server cannot take writes now, whatever the content:
	 * admin/crash shutdown, cannot connect now, read-only (a standby after failover),
	 * insufficient resources (disk full, too many connections).
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "25006", "53000", "53100",
			"53200", "53300");

	private StorageFailureClassifier() {
	}

	/** Whether the failure says the database is unreachable rather than the data bad. */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
				return true;
			}
			if (cause instanceof SQLException sql && isOutageState(sql.getSQLState())) {
				return true;
			}
			// a failed rollback after the failure: the failure itself tells
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isOutage(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the database refused the batch for its content, so that a smaller batch may
	 * succeed.
	 */
	static boolean isContentError(DataAccessException failure) {
		return failure instanceof NonTransientDataAccessException
				&& !(failure instanceof DataAccessResourceFailureException) && !isOutage(failure);
	}

	private static boolean isOutageState(@Nullable String state) {
		return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
	}

	private static @Nullable Throwable next(Throwable cause) {
		Throwable next = cause.getCause();
		return (next != cause) ? next : null;
	}

}
