package dev.checkpoint.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.checkpoint.shared.RateLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class SignatureCapTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T23:59:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private SignatureCap cap(boolean enabled, int max) {
		return new SignatureCap(new SignatureCapProperties(enabled, max, 1000), mock(RateLimits.class), this.clock,
				this.meters);
	}

	@Test
	void shouldDropNewSignaturesBeyondTheCapButKeepSeenOnesWhenSameAddress() {
		SignatureCap cap = cap(true, 2);
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		assertThat(cap.admit(a, "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(c, "10.0.0.1")).isNull();
		assertThat(cap.admit(c, "10.0.0.1")).isNull();
		assertThat(cap.admit(a, "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(c, "10.0.0.2")).isEqualTo(c);
		assertThat(this.meters.counter("checkpoint.pings.signatures.capped").count()).isEqualTo(2);
	}

	@Test
	void shouldStartAfreshOnTheNextUtcDay() {
		SignatureCap cap = cap(true, 1);
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		assertThat(cap.admit(a, "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "10.0.0.1")).isNull();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(cap.admit(b, "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(a, "10.0.0.1")).isNull();
	}

	@Test
	void shouldPassSignaturesThroughWhenDisabledOrAbsent() {
		SignatureCap cap = cap(false, 1);
		for (int i = 0; i < 5; i++) {
			UUID signature = UUID.randomUUID();
			assertThat(cap.admit(signature, "10.0.0.1")).isEqualTo(signature);
		}
		assertThat(cap(true, 1).admit(null, "10.0.0.1")).isNull();
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
