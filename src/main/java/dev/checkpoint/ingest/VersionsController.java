package dev.checkpoint.ingest;

import java.util.List;
import java.util.Objects;

import dev.checkpoint.catalog.Catalog;
import dev.checkpoint.catalog.VersionConstraintsView;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/versions/{service}?product=...}: which product versions a service works
 * with. Unknown pairs answer 200 with empty values.
 */
@RestController
class VersionsController {

	private final Catalog catalog;

	private final IngestService ingest;

	VersionsController(Catalog catalog, IngestService ingest) {
		this.catalog = catalog;
		this.ingest = ingest;
	}

	@GetMapping(path = "/v1/versions/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
	VersionsResponse versions(@PathVariable String service, @RequestParam(defaultValue = "") String product) {
		this.ingest.requireAcceptableProduct(service, false);
		String productName = Objects.requireNonNullElse(PingFactory.clean(product, PingFactory.SHORT_LIMIT), "");
		VersionConstraintsView constraints = this.catalog.constraints(service, productName);
		return new VersionsResponse(service, productName, constraints.minimum(), constraints.maximum(),
				constraints.excluding());
	}

	record VersionsResponse(String service, String product, String minimum, String maximum, List<String> excluding) {
	}

}
