package dev.checkpoint.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

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
		assertThat(cap.admit(a, "acme", "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "acme", "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(c, "acme", "10.0.0.1")).isNull();
		assertThat(cap.admit(c, "acme", "10.0.0.1")).isNull();
		assertThat(cap.admit(a, "acme", "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "acme", "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(c, "acme", "10.0.0.2")).isEqualTo(c);
		assertThat(this.meters.counter("checkpoint.pings.signatures.capped").count()).isEqualTo(2);
	}

	@Test
	void shouldCountEachProductOnItsOwnWhenOneAddressPingsTwo() {
		SignatureCap cap = cap(true, 100);
		List<UUID> signatures = Stream.generate(UUID::randomUUID).limit(250).toList();
		Map<String, Set<UUID>> admitted = Map.of("acme", new HashSet<>(), "other", new HashSet<>());
		for (int i = 0; i < signatures.size(); i++) {
			String product = (i % 2 == 0) ? "acme" : "other";
			UUID signature = cap.admit(signatures.get(i), product, "10.0.0.1");
			if (signature != null) {
				admitted.get(product).add(signature);
			}
		}
		assertThat(admitted.get("acme")).hasSize(100);
		assertThat(admitted.get("other")).hasSize(100);
		UUID first = admitted.get("acme").iterator().next();
		assertThat(cap.admit(first, "acme", "10.0.0.1")).isEqualTo(first);
		assertThat(cap.admit(first, "other", "10.0.0.1")).isNull();
		assertThat(cap.admit(first, "third", "10.0.0.1")).isEqualTo(first);
	}

	@Test
	void shouldStartAfreshOnTheNextUtcDay() {
		SignatureCap cap = cap(true, 1);
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		assertThat(cap.admit(a, "acme", "10.0.0.1")).isEqualTo(a);
		assertThat(cap.admit(b, "acme", "10.0.0.1")).isNull();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(cap.admit(b, "acme", "10.0.0.1")).isEqualTo(b);
		assertThat(cap.admit(a, "acme", "10.0.0.1")).isNull();
	}

	@Test
	void shouldPassSignaturesThroughWhenDisabledOrAbsent() {
		SignatureCap cap = cap(false, 1);
		for (int i = 0; i < 5; i++) {
			UUID signature = UUID.randomUUID();
			assertThat(cap.admit(signature, "acme", "10.0.0.1")).isEqualTo(signature);
		}
		assertThat(cap(true, 1).admit(null, "acme", "10.0.0.1")).isNull();
	}

}
