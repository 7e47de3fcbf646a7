package dev.checkpoint.catalog;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up catalogue changes made through other instances within a few seconds.
 */
@Component
class CatalogRefreshJob {

	private final Catalog catalog;

	CatalogRefreshJob(Catalog catalog) {
		this.catalog = catalog;
	}

	@Scheduled(fixedDelayString = "${checkpoint.catalog.refresh-interval:5s}",
			initialDelayString = "${checkpoint.catalog.refresh-interval:5s}")
	void refresh() {
		this.catalog.refresh();
	}

}
