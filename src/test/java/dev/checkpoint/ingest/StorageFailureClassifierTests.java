package dev.checkpoint.ingest;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class StorageFailureClassifierTests {

	@Test
	void shouldSeeAnOutageWhenNoConnectionCanBeHad() {
		assertThat(StorageFailureClassifier.isOutage(new CannotGetJdbcConnectionException(
				"Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
			.isTrue();
		assertThat(StorageFailureClassifier.isOutage(new CannotCreateTransactionException(
				"Could not open JPA EntityManager", new ConnectException("Connection refused"))))
			.isTrue();
	}

	@Test
	void shouldSeeAnOutageWhenTheServerGoesAwayOrRefusesWrites() {
		for (String state : new String[] { "08006", "08001", "57P01", "57P03", "25006", "53300" }) {
			assertThat(StorageFailureClassifier
				.isOutage(new DataAccessResourceFailureException("failed", new SQLException("server gone", state))))
				.as(state)
				.isTrue();
		}
	}

	@Test
	void shouldTreatRefusedContentAsContentErrorNotOutage() {
		DataIntegrityViolationException noPartition = new DataIntegrityViolationException("insert failed",
				new SQLException("no partition of relation \"pings\" found for row", "23514"));
		assertThat(StorageFailureClassifier.isOutage(noPartition)).isFalse();
		assertThat(StorageFailureClassifier.isContentError(noPartition)).isTrue();
		DataIntegrityViolationException badJson = new DataIntegrityViolationException("insert failed",
				new SQLException("invalid input syntax for type json", "22P02"));
		assertThat(StorageFailureClassifier.isContentError(badJson)).isTrue();
	}

	@Test
	void shouldNeitherSpoolNorSplitWhenTheFailureIsTransient() {
		PessimisticLockingFailureException deadlock = new PessimisticLockingFailureException("deadlock",
				new SQLException("deadlock detected", "40P01"));
		assertThat(StorageFailureClassifier.isOutage(deadlock)).isFalse();
		assertThat(StorageFailureClassifier.isContentError(deadlock)).isFalse();
	}

}
