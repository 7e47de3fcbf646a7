package dev.checkpoint.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.checkpoint.shared.ProductNames;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.ingest.IngestProperties.UnknownProducts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Accepts pings: applies the unknown-product policy and waits for the group commit.
 */
@Service
class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final Catalog catalog;

	private final PingWriter writer;

	private final IngestProperties properties;

	IngestService(Catalog catalog, PingWriter writer, IngestProperties properties) {
		this.catalog = catalog;
		this.writer = writer;
		this.properties = properties;
	}

	/**
	 * Refuses names no product can have, and unknown products in strict mode.
	 * @throws ProductNotFoundException to answer 404
	 */
	void requireAcceptableProduct(String product, boolean strictAllowed) {
		if (!ProductNames.isValid(product)) {
			throw ProductNotFoundException.forInvalidName();
		}
		if (strictAllowed && this.properties.unknownProducts() == UnknownProducts.REJECT
				&& !this.catalog.knows(product)) {
			throw ProductNotFoundException.forName(product);
		}
	}

	/**
	 * Stores the ping durably, or drops it by policy.
	 * @return whether the ping is handled: stored, or dropped on purpose
	 */
	boolean record(Ping ping) {
		if (this.properties.unknownProducts() != UnknownProducts.STORE && !this.catalog.knows(ping.product())) {
			return true;
		}
		try {
			this.writer.submit(ping).get(this.properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Ping for {} not stored: {}", ping.product(), ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
