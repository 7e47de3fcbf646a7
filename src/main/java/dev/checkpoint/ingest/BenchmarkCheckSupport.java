package dev.checkpoint.ingest;

import java.time.Instant;

import dev.checkpoint.shared.Signatures;
import dev.checkpoint.catalog.Catalog;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What the benchmark variants of the check route share with {@link CheckController}: the
 * same validation, the same ping and the same answer, only not the group commit.
 */
@Component
@Profile("benchmark")
class BenchmarkCheckSupport {

	private final IngestService ingest;

	private final PingFactory pings;

	private final Catalog catalog;

	BenchmarkCheckSupport(IngestService ingest, PingFactory pings, Catalog catalog) {
		this.ingest = ingest;
		this.pings = pings;
		this.catalog = catalog;
	}

	/** The ping of a GET, after the product check of the real route. */
	Ping fromQuery(String product, MultiValueMap<String, String> params, @Nullable String userAgent) {
		this.ingest.requireAcceptableProduct(product, true);
		return this.pings.check(product, params, userAgent, null);
	}

	/** The ping of a POST, validated like the real route. */
	Ping fromJson(String product, CheckRequest request, @Nullable String userAgent) {
		this.ingest.requireAcceptableProduct(product, true);
		if (request.product() != null && !request.product().equals(product)) {
			throw InvalidPingException.forField("product", "must match the product in the path");
		}
		Instant timestamp = Timestamps.parse(request.timestamp(), "timestamp").orElse(null);
		String agent = (request.userAgent() != null) ? request.userAgent() : userAgent;
		return this.pings.check(product, request.asParameters(), agent, timestamp);
	}

	/** The answer {@link CheckController} gives, from the in-memory catalogue. */
	CheckResponse answer(String product, MultiValueMap<String, String> params) {
		String version = value(params, "version");
		return CheckResponse.of(product, params,
				this.catalog
					.answer(product, version, value(params, "os"), value(params, "arch"),
							Signatures.toUuid(params.getFirst("signature")))
					.orElse(null));
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

}
