package dev.checkpoint.ingest;

import java.time.Duration;
import java.time.Instant;

import dev.checkpoint.shared.RateLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class NewProductCapTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T23:59:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final NewProductCap cap = new NewProductCap(new NewProductCapProperties(10, 1000), mock(RateLimits.class),
			this.clock, this.meters);

	@Test
	void shouldRefuseTheEleventhNewProductOfAnAddressButKeepTheFirstTen() {
		for (int i = 1; i <= 10; i++) {
			assertThat(this.cap.admit("junk-" + i, "10.0.0.1")).isTrue();
		}
		assertThat(this.cap.admit("junk-11", "10.0.0.1")).isFalse();
		assertThat(this.cap.admit("junk-1", "10.0.0.1")).isTrue();
		assertThat(this.cap.admit("junk-10", "10.0.0.1")).isTrue();
		assertThat(this.cap.admit("junk-11", "10.0.0.2")).isTrue();
		assertThat(this.meters.counter("checkpoint.pings.products.capped").count()).isEqualTo(1);
	}

	@Test
	void shouldStartAfreshOnTheNextUtcDay() {
		for (int i = 1; i <= 10; i++) {
			this.cap.admit("junk-" + i, "10.0.0.1");
		}
		assertThat(this.cap.admit("junk-11", "10.0.0.1")).isFalse();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.cap.admit("junk-11", "10.0.0.1")).isTrue();
	}

}
