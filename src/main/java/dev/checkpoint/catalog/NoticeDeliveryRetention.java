package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes notice deliveries older than {@code checkpoint.catalog.deliveries.retention},
 * and those of retired notices (clients no longer receive them). A signature is then sent
 * a notice that still applies to it again, once.
 */
@Service
class NoticeDeliveryRetention {

	private static final Logger log = LoggerFactory.getLogger(NoticeDeliveryRetention.class);

	private final NoticeDeliveryStore store;

	private final CatalogProperties properties;

	private final Clock clock;

	NoticeDeliveryRetention(NoticeDeliveryStore store, CatalogProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Deletes the expired deliveries now.
	 * @return how many were deleted
	 */
	@Transactional
	long purgeExpired() {
		Instant cutoff = this.clock.instant().minus(this.properties.deliveries().retention());
		long deleted = this.store.deleteExpired(cutoff);
		if (deleted > 0) {
			log.info("Deleted {} notice deliveries made before {} or of retired notices", deleted, cutoff);
		}
		return deleted;
	}

}
