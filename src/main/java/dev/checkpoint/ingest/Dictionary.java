package dev.checkpoint.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A table of values that many pings share, each stored once and referred to by its id:
 * gives each value its id, from memory for the values seen lately, else from the
 * database, adding the values it does not hold yet. An id is remembered only once the
 * transaction that may have added it has committed, so that an id in memory always exists
 * in the database.
 *
 * @param <K> the value
 */
abstract class Dictionary<K> {

	private final String add;

	private final String find;

	private final Cache<K, Integer> ids;

	/**
	 * @param add the statement adding the values given as {@link #parameters} that the
	 * table does not hold yet (in a fixed order, so that concurrent writers never
	 * deadlock)
	 * @param find the query answering, for the values given as {@link #parameters}, each
	 * one's position (from 1) and id
	 * @param cached how many values to keep in memory, the most used first
	 */
	Dictionary(String add, String find, int cached) {
		this.add = add;
		this.find = find;
		this.ids = Caffeine.newBuilder().maximumSize(cached).executor(Runnable::run).build();
	}

	/** The values as the parameters of either statement: arrays, bound in order. */
	abstract List<SqlArrayValue> parameters(List<K> values);

	/**
	 * The id of each value, in order, adding the values the database does not hold yet
	 * (inside the caller's transaction when there is one: {@code jdbc} must take part in
	 * it).
	 */
	int[] ids(JdbcClient jdbc, List<K> values) {
		int[] ids = new int[values.size()];
		LinkedHashSet<K> missing = new LinkedHashSet<>();
		for (int i = 0; i < ids.length; i++) {
			Integer id = this.ids.getIfPresent(values.get(i));
			if (id == null) {
				missing.add(values.get(i));
			}
			else {
				ids[i] = id;
			}
		}
		if (missing.isEmpty()) {
			return ids;
		}
		Map<K, Integer> found = store(jdbc, new ArrayList<>(missing));
		for (int i = 0; i < ids.length; i++) {
			Integer id = found.get(values.get(i));
			if (id != null) {
				ids[i] = id;
			}
		}
		remember(found);
		return ids;
	}

	private Map<K, Integer> store(JdbcClient jdbc, List<K> values) {
		jdbc.sql(this.add).params(parameters(values)).update();
		Map<K, Integer> found = new HashMap<>();
		jdbc.sql(this.find).params(parameters(values)).query((row) -> {
			found.put(values.get(row.getInt(1) - 1), row.getInt(2));
		});
		if (found.size() != values.size()) {
			// a DataAccessException, so that the batch writer retries or fails the batch
			// (any other exception would end its writer thread)
			throw new DataRetrievalFailureException("Stored " + values.size() + " values but found " + found.size());
		}
		return found;
	}

	/** Remembers the ids once they are sure to exist: after the commit, if any. */
	private void remember(Map<K, Integer> found) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.ids.putAll(found);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Dictionary.this.ids.putAll(found);
			}
		});
	}

}
