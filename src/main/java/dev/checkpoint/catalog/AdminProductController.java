package dev.checkpoint.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/admin/products}: the products whose clients the check endpoint answers.
 */
@RestController
@RequestMapping("/api/admin/products")
class AdminProductController {

	private final ProductService products;

	AdminProductController(ProductService products) {
		this.products = products;
	}

	@GetMapping
	List<ProductResponse> list(@RequestParam(name = "include_retired", defaultValue = "false") boolean includeRetired) {
		return this.products.list(includeRetired);
	}

	@GetMapping("/{name}")
	ProductResponse get(@PathVariable String name) {
		return this.products.get(name);
	}

	@PostMapping
	ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductCreateRequest request, UriComponentsBuilder uri) {
		ProductResponse created = this.products.create(request);
		return ResponseEntity
			.created(uri.path("/api/admin/products/{name}").buildAndExpand(created.name()).encode().toUri())
			.body(created);
	}

	@PutMapping("/{name}")
	ProductResponse update(@PathVariable String name, @Valid @RequestBody ProductUpdateRequest request) {
		return this.products.update(name, request);
	}

	/**
	 * Retires the product: it is kept, but clients get the neutral unknown-product
	 * answer.
	 */
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retire(@PathVariable String name) {
		this.products.retire(name);
	}

}
