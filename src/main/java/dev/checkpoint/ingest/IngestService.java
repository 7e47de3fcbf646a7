package dev.checkpoint.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.checkpoint.shared.ProductNames;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.ingest.IngestProperties.UnknownProducts;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Accepts pings: applies the unknown-product policy (with the cap on new products) and
 * waits for the group commit.
 */
@Service
class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final Catalog catalog;

	private final PingWriter writer;

	private final IngestProperties properties;

	private final NewProductCap newProducts;

	IngestService(Catalog catalog, PingWriter writer, IngestProperties properties, NewProductCap newProducts) {
		this.catalog = catalog;
		this.writer = writer;
		this.properties = properties;
		this.newProducts = newProducts;
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
	 * Whether the pings of {@code product} from this request are to be stored: always for
	 * a catalogue product; for another only when unknown products are stored, and then
	 * within the client address's daily allowance of new products.
	 */
	boolean stores(String product, HttpServletRequest request) {
		if (this.catalog.knows(product)) {
			return true;
		}
		return this.properties.unknownProducts() == UnknownProducts.STORE && this.newProducts.admit(product, request);
	}

	/**
	 * Stores the ping durably (call it for pings that {@link #stores} admits).
	 * @return whether the ping is stored
	 */
	boolean record(Ping ping) {
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
