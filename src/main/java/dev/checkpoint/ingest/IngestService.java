package dev.checkpoint.ingest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.checkpoint.shared.ProductNames;
import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.ingest.IngestProperties.UnknownProducts;
import dev.checkpoint.shared.ProblemTypes;
import dev.checkpoint.shared.Problems;
import dev.checkpoint.shared.Signatures;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts pings: the unknown-product policy (with the cap on new products) and the
 * signature cap in one place, then the wait for the group commit; returns what became of
 * the ping.
 */
@Service
class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private final Catalog catalog;

	private final GroupCommitQueue queue;

	private final PingFactory pings;

	private final SignatureCap signatureCap;

	private final IngestProperties properties;

	private final NewProductCap newProducts;

	IngestService(Catalog catalog, GroupCommitQueue queue, PingFactory pings, SignatureCap signatureCap,
			IngestProperties properties, NewProductCap newProducts) {
		this.catalog = catalog;
		this.queue = queue;
		this.pings = pings;
		this.signatureCap = signatureCap;
		this.properties = properties;
		this.newProducts = newProducts;
	}

	/**
	 * Refuses names no product can have, and unknown products in strict mode.
	 * @throws org.springframework.web.ErrorResponseException to answer 404
	 */
	void requireAcceptableProduct(String product, boolean strictAllowed) {
		if (!ProductNames.isValid(product)) {
			throw ProductNames.notFound();
		}
		if (strictAllowed && this.properties.unknownProducts() == UnknownProducts.REJECT
				&& !this.catalog.knows(product)) {
			throw Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_PRODUCT, "Unknown product",
					"The product '" + product + "' is not in the catalogue.");
		}
	}

	/**
	 * Whether the pings of {@code product} from this request are to be stored: always for
	 * a catalogue product; for another only when unknown products are stored, and then
	 * within the client address's daily allowance of new products.
	 */
	private boolean stores(String product, HttpServletRequest request) {
		if (this.catalog.knows(product)) {
			return true;
		}
		return this.properties.unknownProducts() == UnknownProducts.STORE && this.newProducts.admit(product, request);
	}

	/**
	 * Takes a client check: refuses names no product can have (and unknown products in
	 * strict mode), applies the unknown-product policy and the signature cap, and hands
	 * the ping to the group commit without waiting.
	 * @return completes, never exceptionally, with what became of the ping and the
	 * signature the answer is for (none once capped, so that no notice delivery is
	 * remembered for it)
	 * @throws org.springframework.web.ErrorResponseException to answer 404
	 */
	CompletableFuture<Result> check(String product, ClientCheck check, HttpServletRequest request) {
		Ping ping = admit(product, check, request);
		if (ping == null) {
			return CompletableFuture.completedFuture(new Result(Outcome.DROPPED, check.signature()));
		}
		return record(ping).thenApply((outcome) -> new Result(outcome, ping.signature()));
	}

	/**
	 * Everything {@link #check} does before the group commit: the ping to store (with its
	 * signature once capped), or null when the unknown-product policy drops it.
	 * @throws org.springframework.web.ErrorResponseException to answer 404
	 */
	@Nullable Ping admit(String product, ClientCheck check, HttpServletRequest request) {
		requireAcceptableProduct(product, true);
		if (!stores(product, request)) {
			return null;
		}
		return this.pings.check(product, check, this.signatureCap.admit(check.signature(), product, request));
	}

	/**
	 * Takes a go-checkpoint run report (its product already checked with
	 * {@link #requireAcceptableProduct} before its body was read).
	 */
	CompletableFuture<Outcome> runReport(String product, RunReport report, @Nullable String userAgent,
			HttpServletRequest request) {
		if (!stores(product, request)) {
			return CompletableFuture.completedFuture(Outcome.DROPPED);
		}
		UUID signature = this.signatureCap.admit(Signatures.toUuid(report.signature()), product, request);
		return record(this.pings.runReport(product, report, signature, userAgent));
	}

	/**
	 * Hands the ping to the group commit; completes (never exceptionally) once it is
	 * stored, or as not stored when that fails or takes longer than the write timeout.
	 */
	private CompletableFuture<Outcome> record(Ping ping) {
		return this.queue.submit(ping)
			.orTimeout(this.properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.handle((stored, failure) -> {
				if (failure == null) {
					return Outcome.STORED;
				}
				log.warn("Ping for {} not stored: {}", ping.product(), failure.toString());
				return Outcome.NOT_STORED;
			});
	}

	/** What became of a ping. */
	enum Outcome {

		/** Committed to the database, or synced to the spool during an outage. */
		STORED,
		/** Not to be stored: a product outside the catalogue that the policy drops. */
		DROPPED,
		/** To be stored, but it could not be in time: the client may send it again. */
		NOT_STORED

	}

	/** A check's outcome, and the signature its answer is for. */
	record Result(Outcome outcome, @Nullable UUID signature) {

	}

}
