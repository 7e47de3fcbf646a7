package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import dev.checkpoint.shared.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Creates, changes and retires products. Every change is audited and refreshes the
 * in-memory catalogue once committed.
 */
@Service
class ProductService {

	private final ProductRepository products;

	private final CatalogChanges changes;

	private final Clock clock;

	ProductService(ProductRepository products, CatalogChanges changes, Clock clock) {
		this.products = products;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<ProductResponse> list(boolean includeRetired) {
		List<Product> found = includeRetired ? this.products.findAllByOrderByNameAsc()
				: this.products.findByRetiredAtIsNullOrderByNameAsc();
		return found.stream().map(ProductResponse::of).toList();
	}

	@Transactional(readOnly = true)
	ProductResponse get(String name) {
		return ProductResponse.of(this.products.require(name));
	}

	/** Adds a product; a name that exists, even retired, is a conflict. */
	@Transactional
	ProductResponse create(ProductCreateRequest request) {
		String name = Objects.requireNonNull(request.name());
		this.products.findByName(name).ifPresent((existing) -> {
			throw existing.isRetired() ? Problems.conflict("Product already exists", "The product '" + name
					+ "' exists but is retired; PUT /api/admin/products/" + name + " brings it back with new values.")
					: exists(name);
		});
		Product product = new Product(name, now());
		apply(product, request.packageName(), request.website(), request.installCommand(), request.publicPage());
		product = insert(product);
		this.changes.record("product.created", "product", name, product.auditDetails());
		return ProductResponse.of(product);
	}

	/** Replaces a product's values; a retired product is answered again. */
	@Transactional
	ProductResponse update(String name, ProductUpdateRequest request) {
		Product product = this.products.require(name);
		String action = product.isRetired() ? "product.restored" : "product.updated";
		product.setRetiredAt(null);
		apply(product, request.packageName(), request.website(), request.installCommand(), request.publicPage());
		this.changes.record(action, "product", name, product.auditDetails());
		return ProductResponse.of(product);
	}

	/** Stops answering a product; its releases and notices are kept. */
	@Transactional
	void retire(String name) {
		Product product = this.products.require(name);
		if (!product.isRetired()) {
			product.setRetiredAt(now());
			this.changes.record("product.retired", "product", name, product.auditDetails());
		}
	}

	private static void apply(Product product, @Nullable String packageName, @Nullable String website,
			@Nullable String installCommand, @Nullable Boolean publicPage) {
		product.setPackageName(Objects.requireNonNullElse(packageName, ""));
		product.setWebsite(Objects.requireNonNullElse(website, ""));
		product.setInstallCommand(Objects.requireNonNullElse(installCommand, ""));
		product.setPublicPage(Boolean.TRUE.equals(publicPage));
	}

	private Product insert(Product product) {
		try {
			return this.products.saveAndFlush(product);
		}
		catch (DataIntegrityViolationException ex) {
			throw exists(product.getName());
		}
	}

	private static ErrorResponseException exists(String name) {
		return Problems.conflict("Product already exists", "The product '" + name + "' already exists.");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
