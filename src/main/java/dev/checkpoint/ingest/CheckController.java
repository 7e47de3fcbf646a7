package dev.checkpoint.ingest;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import dev.checkpoint.catalog.Catalog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code POST /v1/check/{product}}: store the ping, answer with the
 * latest version of the client's channel and the notices for its version.
 */
@RestController
class CheckController {

	private final IngestService ingest;

	private final PingFactory pings;

	private final Catalog catalog;

	private final SignatureCap signatureCap;

	CheckController(IngestService ingest, PingFactory pings, Catalog catalog, SignatureCap signatureCap) {
		this.ingest = ingest;
		this.pings = pings;
		this.catalog = catalog;
		this.signatureCap = signatureCap;
	}

	/**
	 * The clients' route. Always 200 with the full body once the product name is sane:
	 * the clients need the answer even when the ping could not be stored.
	 */
	@GetMapping(path = "/v1/check/{product}", produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse check(@PathVariable String product, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		this.ingest.requireAcceptableProduct(product, true);
		UUID signature = PingFactory.signature(params);
		if (this.ingest.stores(product, request)) {
			signature = this.signatureCap.admit(signature, product, request);
			this.ingest.record(this.pings.check(product, params, signature, userAgent, null));
		}
		return answer(product, params, signature);
	}

	/** The same ping as JSON; answers 503 when it could not be stored. */
	@PostMapping(path = "/v1/check/{product}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CheckResponse checkJson(@PathVariable String product, @Valid @RequestBody CheckRequest request,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent,
			HttpServletRequest servletRequest) {
		this.ingest.requireAcceptableProduct(product, true);
		if (request.product() != null && !request.product().equals(product)) {
			throw InvalidPingException.forField("product", "must match the product in the path");
		}
		Instant timestamp = Timestamps.parse(request.timestamp(), "timestamp").orElse(null);
		MultiValueMap<String, String> params = request.asParameters();
		String agent = (request.userAgent() != null) ? request.userAgent() : userAgent;
		UUID signature = PingFactory.signature(params);
		if (this.ingest.stores(product, servletRequest)) {
			signature = this.signatureCap.admit(signature, product, servletRequest);
			if (!this.ingest.record(this.pings.check(product, params, signature, agent, timestamp))) {
				throw PingNotStoredException.forProduct(product);
			}
		}
		return answer(product, params, signature);
	}

	/**
	 * The answer; alerts already delivered to the signature are left out, unless the
	 * signature was capped (then nothing is remembered for it).
	 */
	private CheckResponse answer(String product, MultiValueMap<String, String> params, @Nullable UUID signature) {
		String version = value(params, "version");
		return CheckResponse.of(product, params,
				this.catalog.answer(product, version, value(params, "os"), value(params, "arch"), signature)
					.orElse(null));
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

}
