package dev.checkpoint.ingest;

import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the benchmark variants of the check route share with {@link CheckController}: the
 * same parsing, the same unknown-product policy, rate limit and signature cap, the same
 * ping and the same answer, only not the group commit.
 */
@Component
@Profile("benchmark")
class BenchmarkCheckSupport {

	private final IngestService ingest;

	private final Catalog catalog;

	private final RateLimits rateLimits;

	BenchmarkCheckSupport(IngestService ingest, Catalog catalog, RateLimits rateLimits) {
		this.ingest = ingest;
		this.catalog = catalog;
		this.rateLimits = rateLimits;
	}

	/**
	 * The rate limit the real route's filter applies, then everything
	 * {@link IngestService#check} does before the group commit: the ping it would store,
	 * or null when it would drop it.
	 */
	@Nullable Ping admit(String product, ClientCheck check, HttpServletRequest request) {
		this.rateLimits.consume("pings", request);
		return this.ingest.admit(product, check, request);
	}

	/** The answer {@link CheckController} gives, from the in-memory catalogue. */
	CheckResponse answer(String product, ClientCheck check, @Nullable Ping ping) {
		return CheckResponse.of(product, check, this.catalog
			.answer(product, check.version(), check.os(), check.arch(),
					(ping != null) ? ping.signature() : check.signature())
			.orElse(null));
	}

}
