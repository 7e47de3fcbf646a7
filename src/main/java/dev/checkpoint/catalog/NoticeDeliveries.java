package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Remembers which notices each signature already received, so that a check sends a notice
 * once per signature, without a query in the common case and in bounded memory whatever
 * {@code notice_deliveries} holds:
 * <ul>
 * <li>a size-bounded cache ({@code checkpoint.catalog.deliveries.cache-size}) of known
 * deliveries: the newest ones at start-up, the ones made since, other instances' (read
 * back on the refresh interval) and the ones the database confirmed. A hit means "already
 * sent";</li>
 * <li>a {@link DeliveryFilter Bloom filter} of every stored delivery
 * ({@code filter-size}). Where it says "no", the signature cannot have had the notice (a
 * new signature, or a new notice), and the notice is sent without a query;</li>
 * <li>only a "maybe" that the cache cannot confirm asks the database: one indexed query
 * for the check's notices, whose answer is then cached. That is a returning signature
 * whose delivery left the cache (once), or about 1 % of the new ones;</li>
 * <li>new deliveries wait in a buffer ({@link #MAX_UNSAVED}) and are written in one
 * statement on the refresh interval, when other instances' deliveries are read back.</li>
 * </ul>
 * Measured with JOL on 200,000 entries: the former map of every delivery took 72 bytes a
 * delivery (the whole table, read at start-up: 1.5 million deliveries were 108 MB of the
 * image's 128 MiB heap); a cache entry takes 117 bytes, a buffered delivery 99, and the
 * filter 1.2 bytes per delivery it is sized for, so the defaults take at most about 12
 * MB, 10 MB (only while the database is unreachable) and 2.4 MB. A lookup took 0.13 ms
 * against a local PostgreSQL (200,000 stored deliveries, the signature index), the cache
 * and the filter together 0.4 to 0.8 microseconds. A cache of pairs plus a lookup on
 * every miss would query for each new signature, and new signatures (CI runs, containers)
 * can be a large share of the checks that carry a notice; the filter turns those into no
 * query. When more deliveries are stored than the filter is sized for, it answers "maybe"
 * more often (6 % at 1.5 times): more lookups, never a wrong answer. It is rebuilt from
 * the table (streamed, 0.9 s for 200,000 rows) once it is that full, which also forgets
 * erased and expired deliveries.
 * <p>
 * While the database is unreachable, a "maybe" counts as "not sent": a notice may be
 * repeated, but after the first failed lookup no check waits on the database until a
 * refresh succeeds again. A notice restored after retiring is sent again to signatures
 * whose deliveries the retention job deleted meanwhile.
 */
@Component
class NoticeDeliveries {

	private static final Logger log = LoggerFactory.getLogger(NoticeDeliveries.class);

	/**
	 * Deliveries committed this long before the last read are read again (commit lag).
	 */
	private static final Duration OVERLAP = Duration.ofSeconds(30);

	/**
	 * Most deliveries waiting to be written. Only an outage fills it: otherwise they are
	 * written every refresh interval.
	 */
	static final int MAX_UNSAVED = 100_000;

	private final NoticeDeliveryStore store;

	private final Clock clock;

	private final CatalogProperties.Deliveries settings;

	private final Cache<DeliveryKey, Boolean> known;

	private final Map<DeliveryKey, Instant> unsaved = new ConcurrentHashMap<>();

	private final AtomicBoolean unsavedFull = new AtomicBoolean();

	private final Counter lookups;

	private volatile @Nullable DeliveryFilter filter;

	private volatile boolean databaseFailing;

	private long filterPairsAtBuild;

	private Set<Integer> liveNotices = Set.of();

	private Instant readUpTo = Instant.EPOCH;

	NoticeDeliveries(NoticeDeliveryStore store, Clock clock, CatalogProperties properties, MeterRegistry meters) {
		this.store = store;
		this.clock = clock;
		this.settings = properties.deliveries();
		this.known = Caffeine.newBuilder().maximumSize(this.settings.cacheSize()).executor(Runnable::run).build();
		this.lookups = Counter.builder("checkpoint.notices.deliveries.lookups")
			.description("Checks that asked the database whether a signature already received a notice")
			.register(meters);
		Gauge.builder("checkpoint.notices.deliveries.cached", this.known, Cache::estimatedSize)
			.description("Notice deliveries kept in memory")
			.register(meters);
	}

	/** The alerts this signature has not received yet, now counted as received. */
	List<AlertView> undelivered(@Nullable UUID signature, List<AlertView> alerts) {
		if (signature == null || alerts.isEmpty()) {
			return alerts;
		}
		DeliveryFilter filter = this.filter;
		List<AlertView> unknown = new ArrayList<>(alerts.size());
		List<Integer> uncertain = new ArrayList<>(0);
		for (AlertView alert : alerts) {
			DeliveryKey key = DeliveryKey.of(alert.id(), signature);
			if (this.known.getIfPresent(key) == null && !this.unsaved.containsKey(key)) {
				unknown.add(alert);
				if (filter == null || filter.mightContain(key)) {
					uncertain.add(alert.id());
				}
			}
		}
		Set<Integer> stored = uncertain.isEmpty() ? Set.of() : lookUp(signature, uncertain);
		List<AlertView> fresh = new ArrayList<>(unknown.size());
		Instant now = this.clock.instant();
		for (AlertView alert : unknown) {
			DeliveryKey key = DeliveryKey.of(alert.id(), signature);
			if (stored.contains(alert.id())) {
				this.known.put(key, Boolean.TRUE);
			}
			else if (claim(key, now)) {
				fresh.add(alert);
			}
		}
		return fresh;
	}

	/**
	 * Writes new deliveries, reads the ones other instances made, forgets retired
	 * notices; the first call reads the filter and the newest deliveries.
	 */
	synchronized void synchronize(Set<Integer> liveNotices) {
		try {
			if (this.filter == null) {
				Instant now = this.clock.instant();
				rebuildFilter();
				this.store.forEachNewest(this.settings.cacheSize(), (key) -> this.known.put(key, Boolean.TRUE));
				this.readUpTo = now;
			}
			forgetRetired(liveNotices);
			save();
			Instant now = this.clock.instant();
			this.store.forEachSince(this.readUpTo.minus(OVERLAP), this::remember);
			this.readUpTo = now;
			if (isFilterFull()) {
				rebuildFilter();
			}
			this.databaseFailing = false;
			this.unsavedFull.set(false);
		}
		catch (RuntimeException ex) {
			this.databaseFailing = true;
			throw ex;
		}
	}

	/**
	 * Forgets every delivery to {@code signature}: the unsaved ones, the ones in memory
	 * and the stored ones (deleted in the caller's transaction). The filter keeps
	 * answering "maybe", so the next check asks the database, which no longer has them.
	 * Other instances keep theirs in their caches until they leave them.
	 * @return the deliveries deleted, stored or still waiting to be written
	 */
	synchronized long forget(UUID signature) {
		List<DeliveryKey> waiting = this.unsaved.keySet().stream().filter((key) -> key.isFor(signature)).toList();
		waiting.forEach(this.unsaved::remove);
		forgetInMemory(signature);
		return waiting.size() + this.store.delete(signature);
	}

	/**
	 * Forgets the deliveries to {@code signature} in memory only: again once the deletion
	 * is committed, as a refresh before the commit may have read the rows back.
	 */
	synchronized void forgetInMemory(UUID signature) {
		this.known.asMap().keySet().removeIf((key) -> key.isFor(signature));
	}

	private Set<Integer> lookUp(UUID signature, List<Integer> noticeIds) {
		if (this.databaseFailing) {
			return Set.of();
		}
		this.lookups.increment();
		try {
			return this.store.delivered(signature, noticeIds);
		}
		catch (DataAccessException ex) {
			if (!this.databaseFailing) {
				this.databaseFailing = true;
				log.warn(
						"Notice deliveries cannot be looked up; notices may be repeated until the database answers: {}",
						ex.getMessage());
			}
			return Set.of();
		}
	}

	/**
	 * Records a delivery about to be sent.
	 * @return false when a concurrent check of the same signature sent it first
	 */
	private boolean claim(DeliveryKey key, Instant now) {
		if (this.known.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
			return false;
		}
		if (this.unsaved.size() < MAX_UNSAVED) {
			this.unsaved.put(key, now);
		}
		else if (this.unsavedFull.compareAndSet(false, true)) {
			log.warn("{} notice deliveries wait to be written; until then further ones are not written "
					+ "(their notices may be sent again later)", this.unsaved.size());
		}
		DeliveryFilter current = this.filter;
		if (current != null) {
			current.add(key);
		}
		return true;
	}

	/** A delivery read back from the database (made here or by another instance). */
	private void remember(DeliveryKey key) {
		DeliveryFilter current = this.filter;
		if (current != null) {
			current.add(key);
		}
		if (this.liveNotices.contains(key.noticeId())) {
			this.known.put(key, Boolean.TRUE);
		}
	}

	private void forgetRetired(Set<Integer> live) {
		if (!live.equals(this.liveNotices)) {
			this.known.asMap().keySet().removeIf((key) -> !live.contains(key.noticeId()));
			this.liveNotices = Set.copyOf(live);
		}
	}

	private void save() {
		List<Map.Entry<DeliveryKey, Instant>> batch = this.unsaved.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue()))
			.toList();
		if (batch.isEmpty()) {
			return;
		}
		this.store.save(batch);
		batch.forEach((entry) -> this.unsaved.remove(entry.getKey(), entry.getValue()));
	}

	/**
	 * Full once it holds more pairs than it is sized for, and a quarter of its capacity
	 * came in since it was built, so that a table larger than the filter is not read on
	 * every refresh.
	 */
	private boolean isFilterFull() {
		DeliveryFilter current = this.filter;
		return current != null && current.pairs() > current.capacity()
				&& current.pairs() - this.filterPairsAtBuild >= current.capacity() / 4;
	}

	/**
	 * Builds the filter from every stored delivery and the unsaved ones. Deliveries made
	 * meanwhile are buffered before they reach a filter, so the new one gets them too.
	 */
	private void rebuildFilter() {
		DeliveryFilter rebuilt = new DeliveryFilter(this.settings.filterSize());
		long rows = this.store.forEach(rebuilt::add);
		this.filter = rebuilt;
		this.unsaved.keySet().forEach(rebuilt::add);
		this.filterPairsAtBuild = rebuilt.pairs();
		if (rows > rebuilt.capacity()) {
			log.warn(
					"{} notice deliveries are stored, more than checkpoint.catalog.deliveries.filter-size ({}), "
							+ "so more checks ask the database; raise it or shorten the retention",
					rows, rebuilt.capacity());
		}
	}

}
