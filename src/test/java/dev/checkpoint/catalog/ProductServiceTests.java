package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class ProductServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final ProductRepository products = mock();

	private final CatalogChanges changes = mock();

	private final ProductService service = new ProductService(this.products, this.changes,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldStampCreationWithClockAndRecordChange() {
		given(this.products.findByName("tool")).willReturn(Optional.empty());
		given(this.products.saveAndFlush(any(Product.class))).willAnswer((invocation) -> invocation.getArgument(0));
		ProductResponse created = this.service.create(new ProductCreateRequest("tool", null, null, null, null));
		assertThat(created.createdAt()).isEqualTo(NOW);
		assertThat(created.packageName()).isEmpty();
		assertThat(created.publicPage()).as("off unless asked for").isFalse();
		then(this.changes).should().record(eq("product.created"), eq("product"), eq("tool"), anyMap());
	}

	@Test
	void shouldAnswerConflictWhenConcurrentCreateWinsTheRace() {
		given(this.products.findByName("tool")).willReturn(Optional.empty());
		given(this.products.saveAndFlush(any(Product.class)))
			.willThrow(new DataIntegrityViolationException("duplicate key"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.service.create(new ProductCreateRequest("tool", null, null, null, null)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
		then(this.changes).shouldHaveNoInteractions();
	}

	@Test
	void shouldRecordNothingWhenRetiringRetiredProduct() {
		Product product = new Product("tool", NOW);
		product.setRetiredAt(NOW);
		given(this.products.require("tool")).willReturn(product);
		this.service.retire("tool");
		assertThat(product.getRetiredAt()).isEqualTo(NOW);
		then(this.changes).should(never()).record(anyString(), anyString(), anyString(), any(Map.class));
	}

}
