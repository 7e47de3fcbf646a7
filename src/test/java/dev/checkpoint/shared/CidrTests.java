package dev.checkpoint.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@Test
	void shouldMatchAddressesInsideThePrefixOnly() {
		Cidr range = Cidr.valueOf("172.16.0.0/12");
		assertThat(range.contains(IpAddresses.parseLiteral("172.16.0.1"))).isTrue();
		assertThat(range.contains(IpAddresses.parseLiteral("172.31.255.255"))).isTrue();
		assertThat(range.contains(IpAddresses.parseLiteral("172.32.0.0"))).isFalse();
		assertThat(range.contains(IpAddresses.parseLiteral("::ffff:172.16.0.1"))).isTrue();
		assertThat(Cidr.valueOf("fc00::/7").contains(IpAddresses.parseLiteral("fdff::1"))).isTrue();
		assertThat(Cidr.valueOf("fc00::/7").contains(IpAddresses.parseLiteral("fe00::1"))).isFalse();
		assertThat(Cidr.valueOf("::1").contains(IpAddresses.parseLiteral("0:0:0:0:0:0:0:1"))).isTrue();
		assertThat(Cidr.valueOf("127.0.0.1").contains(IpAddresses.parseLiteral("127.0.0.2"))).isFalse();
		assertThat(Cidr.valueOf("0.0.0.0/0").contains(IpAddresses.parseLiteral("::1"))).isFalse();
	}

	@Test
	void shouldRefuseWhatIsNotARange() {
		for (String text : new String[] { "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "localhost",
				"10.0.0.0:80", "[::1]", "" }) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> Cidr.valueOf(text));
		}
	}

	@Test
	void shouldBindTrustedProxiesFromSettingsAndFailOnBadOnes() {
		RateLimitProperties properties = bind(
				Map.of("checkpoint.rate-limits.trusted-proxies", "192.0.2.0/24, 2001:db8::/32"));
		assertThat(properties.trustedProxies()).extracting(Cidr::toString)
			.containsExactly("192.0.2.0/24", "2001:db8:0:0:0:0:0:0/32");
		assertThat(bind(Map.of("checkpoint.rate-limits.client-ip-header", "X-Forwarded-For")).trustedProxies())
			.extracting(Cidr::toString)
			.containsExactly("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "0:0:0:0:0:0:0:1/128",
					"fc00:0:0:0:0:0:0:0/7");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("checkpoint.rate-limits.trusted-proxies", "10.0.0.0/8, proxy.internal")));
	}

	private static RateLimitProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("checkpoint.rate-limits",
				RateLimitProperties.class);
	}

}
