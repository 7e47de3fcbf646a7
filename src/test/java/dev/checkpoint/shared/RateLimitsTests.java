package dev.checkpoint.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimitsTests {

	private static RateLimits limits(String header) {
		return new RateLimits(
				new RateLimitProperties(header, List.of(Cidr.valueOf("10.0.0.0/8")),
						Map.of("test", new RateLimitProperties.Limit(true, 3, Duration.ofHours(1)))),
				new SimpleMeterRegistry());
	}

	@Test
	void shouldRefuseBeyondCapacityWithRetryAfter() {
		RateLimits limits = limits(null);
		MockHttpServletRequest request = request("10.0.0.1", null);
		for (int i = 0; i < 3; i++) {
			limits.consume("test", request);
		}
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limits.consume("test", request))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(429);
				assertThat(Long.parseLong(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 1200L);
				assertThat(ex.getBody().getType()).isEqualTo(ProblemTypes.RATE_LIMITED);
			});
		limits.consume("test", request("10.0.0.2", null));
	}

	@Test
	void shouldCheckWithoutTakingAndRefuseOnlyOnceTheBucketIsEmpty() {
		RateLimits limits = limits(null);
		MockHttpServletRequest request = request("10.0.0.3", null);
		limits.consume("test", request);
		for (int i = 0; i < 10; i++) {
			limits.check("test", request);
		}
		// ten checks took nothing: the two tokens left are still there
		limits.consume("test", request);
		limits.consume("test", request);
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limits.check("test", request))
			.satisfies((ex) -> assertThat(Long.parseLong(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
				.isBetween(1L, 1200L));
		// another client's bucket is its own: all three of its tokens are there
		MockHttpServletRequest other = request("10.0.0.4", null);
		for (int i = 0; i < 3; i++) {
			limits.check("test", other);
			limits.consume("test", other);
		}
		assertThatExceptionOfType(RateLimitExceededException.class).isThrownBy(() -> limits.check("test", other));
	}

	@Test
	void shouldKeyByTrustedProxyHeaderWhenConfigured() {
		RateLimits limits = limits("X-Forwarded-For");
		assertThat(limits.clientAddress(request("10.0.0.9", "203.0.113.7, 10.0.0.9"))).isEqualTo("203.0.113.7");
		assertThat(limits.clientAddress(request("10.0.0.9", null))).isEqualTo("10.0.0.9");
		assertThat(limits(null).clientAddress(request("10.0.0.9", "203.0.113.7"))).isEqualTo("10.0.0.9");
	}

	@Test
	void shouldShareOneBucketAcrossTheSlash64OfAnIpv6Client() {
		RateLimits limits = limits(null);
		for (int i = 1; i <= 3; i++) {
			limits.consume("test", request("2001:db8:1:2::" + i, null));
		}
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limits.consume("test", request("2001:db8:1:2:aaaa:bbbb:cccc:dddd", null)));
		limits.consume("test", request("2001:db8:1:3::1", null));
	}

	@Test
	void shouldShareOneBucketWhateverTheClientWritesFirstInTheProxyHeader() {
		RateLimits limits = limits("X-Forwarded-For");
		for (int i = 0; i < 3; i++) {
			limits.consume("test", request("10.0.0.9", "198.18.0." + i + ", 203.0.113.7"));
		}
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> limits.consume("test", request("10.0.0.9", "198.18.0.99, 203.0.113.7")));
	}

	@Test
	void shouldIgnoreUnknownOrDisabledLimits() {
		RateLimits limits = new RateLimits(
				new RateLimitProperties(null, List.of(),
						Map.of("off", new RateLimitProperties.Limit(false, 1, Duration.ofHours(1)))),
				new SimpleMeterRegistry());
		for (int i = 0; i < 5; i++) {
			limits.consume("off", request("10.0.0.1", null));
			limits.consume("unknown", request("10.0.0.1", null));
		}
	}

	private static MockHttpServletRequest request(String remote, String forwarded) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remote);
		if (forwarded != null) {
			request.addHeader("X-Forwarded-For", forwarded);
		}
		return request;
	}

}
