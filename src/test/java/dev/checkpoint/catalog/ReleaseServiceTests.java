package dev.checkpoint.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import dev.checkpoint.shared.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ReleaseServiceTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123456789Z");

	private final ProductRepository products = mock();

	private final ReleaseRepository releases = mock();

	private final ReleaseService service = new ReleaseService(this.products, this.releases, mock(),
			Clock.fixed(NOW, ZoneOffset.UTC), mock(), mock());

	@BeforeEach
	void knowProduct() {
		Product product = new Product("tool", NOW);
		ReflectionTestUtils.setField(product, "id", 7L);
		given(this.products.require("tool")).willReturn(product);
		given(this.releases.findByProductIdAndVersion(anyLong(), anyString())).willReturn(Optional.empty());
	}

	@Test
	void shouldDeriveChannelAndDateWhenAbsent() {
		given(this.releases.saveAndFlush(any(Release.class))).willAnswer((invocation) -> invocation.getArgument(0));
		ReleaseResponse dev = this.service.publish("tool",
				new ReleaseCreateRequest("5.13.0-dev.13", null, null, null, null, null));
		ReleaseResponse beta = this.service.publish("tool",
				new ReleaseCreateRequest("1.6.0-beta1", null, null, null, null, null));
		ReleaseResponse latest = this.service.publish("tool",
				new ReleaseCreateRequest("6.1.0", null, null, null, null, null));
		assertThat(dev.channel()).isEqualTo("dev");
		assertThat(beta.channel()).isEqualTo("beta");
		assertThat(latest.channel()).isEqualTo("latest");
		assertThat(latest.releasedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123456Z"));
		assertThat(latest.createdAt()).isEqualTo(latest.releasedAt());
	}

	@Test
	void shouldKeepGivenChannelWhenPresent() {
		given(this.releases.saveAndFlush(any(Release.class))).willAnswer((invocation) -> invocation.getArgument(0));
		assertThat(
				this.service.publish("tool", new ReleaseCreateRequest("6.2.0-rc.1", "latest", null, null, null, null))
					.channel())
			.isEqualTo("latest");
	}

	@Test
	void shouldAnswerConflictWhenConcurrentPublishWinsTheRace() {
		given(this.releases.saveAndFlush(any(Release.class)))
			.willThrow(new DataIntegrityViolationException("duplicate key"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(
					() -> this.service.publish("tool", new ReleaseCreateRequest("6.1.0", null, null, null, null, null)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.getBody().getType()).isEqualTo(ProblemTypes.CONFLICT);
			});
	}

}
