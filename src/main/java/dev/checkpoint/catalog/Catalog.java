package dev.checkpoint.catalog;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The catalogue's public facade: what to answer a client, from memory. The snapshot is
 * loaded at start-up and refreshed on a short interval; when the database is unreachable
 * the last snapshot keeps answering.
 */
@Service
public class Catalog implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final CatalogLoader loader;

	private final NoticeDeliveries deliveries;

	private final CatalogProperties properties;

	private volatile CatalogSnapshot snapshot = CatalogSnapshot.EMPTY;

	private final Lock refreshing = new ReentrantLock();

	private volatile boolean refreshFailing;

	private final Clock clock;

	Catalog(CatalogLoader loader, NoticeDeliveries deliveries, CatalogProperties properties, Clock clock) {
		this.clock = clock;
		this.loader = loader;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	/**
	 * The answer for a client of {@code product} at {@code version} on
	 * {@code os}/{@code arch}; empty when the product is not in the catalogue. Notices
	 * that this signature already received are left out (unless configured otherwise).
	 */
	public Optional<CheckAnswer> answer(String product, String version, String os, String arch,
			@Nullable UUID signature) {
		Optional<CheckAnswer> answer = this.snapshot.answer(product, version, os, arch, signature,
				this.clock.instant());
		if (!this.properties.suppressRepeatedAlerts() || signature == null) {
			return answer;
		}
		return answer.map((found) -> new CheckAnswer(found.product(), found.channel(), found.current(),
				found.outdated(), this.deliveries.undelivered(signature, found.alerts())));
	}

	public boolean knows(String product) {
		return this.snapshot.products().containsKey(product);
	}

	/** Whether an admin published the (live) product's aggregate usage. */
	public boolean publishes(String product) {
		CatalogSnapshot.ProductEntry entry = this.snapshot.products().get(product);
		return entry != null && entry.view().publicPage();
	}

	public VersionConstraintsView constraints(String service, String product) {
		return this.snapshot.constraints(service, product);
	}

	/**
	 * Reloads the catalogue now, keeping the last snapshot when the database fails (an
	 * outage is logged when it starts and when it ends, not on every refresh). One reload
	 * at a time, so that a reload that started earlier (the scheduled one) cannot finish
	 * last and replace a newer snapshot (the one after an admin commit).
	 */
	public void refresh() {
		this.refreshing.lock();
		try {
			this.snapshot = this.loader.load();
			this.deliveries.synchronize(this.snapshot.noticeIds());
			if (this.refreshFailing) {
				this.refreshFailing = false;
				log.info("Catalogue refreshed again");
			}
		}
		catch (DataAccessException | TransactionException ex) {
			if (this.refreshFailing) {
				log.debug("Catalogue refresh failed again: {}", ex.getMessage());
			}
			else {
				this.refreshFailing = true;
				log.warn("Catalogue refresh failed, answering from the last snapshot until it works: {}",
						ex.getMessage());
			}
		}
		finally {
			this.refreshing.unlock();
		}
	}

	/** Answers an admin change on this instance as soon as it is committed. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CatalogChanged event) {
		refresh();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.snapshot = this.loader.load();
		this.deliveries.synchronize(this.snapshot.noticeIds());
	}

}
