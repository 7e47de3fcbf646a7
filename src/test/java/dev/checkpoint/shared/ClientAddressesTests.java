package dev.checkpoint.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk of the proxy header from the right, behind proxies at 10.0.0.0/8 and fd00::/8.
 */
class ClientAddressesTests {

	private final ClientAddresses addresses = new ClientAddresses("X-Forwarded-For",
			List.of(Cidr.valueOf("10.0.0.0/8"), Cidr.valueOf("fd00::/8")));

	@Test
	void shouldIgnoreWhatTheClientWroteBeforeTheAddressTheProxyAppended() {
		assertThat(resolve("10.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "1.1.1.1, 203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "10.9.9.9, 8.8.8.8, 203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "unknown, 203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void shouldSkipEveryTrustedProxyFromTheRight() {
		assertThat(resolve("10.0.0.1", "198.51.100.1, 203.0.113.7, 10.0.0.3, 10.0.0.2")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "203.0.113.7, fd00::2")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "10.0.0.4, 10.0.0.3")).isEqualTo("10.0.0.4");
	}

	@Test
	void shouldReadEveryOccurrenceOfTheHeaderInOrder() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
		request.addHeader("X-Forwarded-For", "10.0.0.2");
		assertThat(this.addresses.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void shouldIgnoreTheHeaderOnConnectionsFromUntrustedAddresses() {
		assertThat(resolve("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
		assertThat(resolve("192.168.1.1", "198.51.100.1")).isEqualTo("192.168.1.1");
		assertThat(new ClientAddresses(null, List.of(Cidr.valueOf("10.0.0.0/8")))
			.resolve(withHeader("10.0.0.1", "198.51.100.1"))).isEqualTo("10.0.0.1");
	}

	@Test
	void shouldStopAtTheLastTrustedHopWhenAnEntryIsMalformed() {
		assertThat(resolve("10.0.0.1", "203.0.113.7, 10.0.0.2, not-an-address")).isEqualTo("10.0.0.1");
		assertThat(resolve("10.0.0.1", "203.0.113.7, evil.example, 10.0.0.2")).isEqualTo("10.0.0.2");
		assertThat(resolve("10.0.0.1", "203.0.113.7, 999.1.1.1")).isEqualTo("10.0.0.1");
		assertThat(resolve("10.0.0.1", "203.0.113.7,,10.0.0.2")).isEqualTo("10.0.0.2");
		assertThat(resolve("10.0.0.1", "203.0.113.7, ' or 1=1")).isEqualTo("10.0.0.1");
		assertThat(resolve("10.0.0.1", "203.0.113.7, " + "1".repeat(4000))).isEqualTo("10.0.0.1");
		assertThat(resolve("10.0.0.1", "")).isEqualTo("10.0.0.1");
		assertThat(resolve("10.0.0.1", "[::1")).isEqualTo("10.0.0.1");
	}

	@Test
	void shouldKeyIpv6ClientsOnTheirSlash64() {
		assertThat(resolve("2001:db8:1:2::1", null)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(resolve("2001:db8:1:2:ffff:ffff:ffff:ffff", null)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(resolve("10.0.0.1", "2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(resolve("fd00::1", "198.51.100.1, 2001:DB8:1:3::9")).isEqualTo("2001:db8:1:3:0:0:0:0/64");
		assertThat(resolve("10.0.0.1", "::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void shouldAcceptPortsAndBracketsAsLoadBalancersWriteThem() {
		assertThat(resolve("10.0.0.1", "203.0.113.7:51234")).isEqualTo("203.0.113.7");
		assertThat(resolve("10.0.0.1", "[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:0/64");
		assertThat(resolve("10.0.0.1", "[2001:db8::1]")).isEqualTo("2001:db8:0:0:0:0:0:0/64");
		assertThat(resolve("10.0.0.1", "fd00::5%eth0")).isEqualTo("fd00:0:0:0:0:0:0:0/64");
	}

	@Test
	void shouldKeyAnUnparseableConnectionAddressAsItIs() {
		assertThat(resolve("unix-socket", "203.0.113.7")).isEqualTo("unix-socket");
	}

	private String resolve(String peer, String forwardedFor) {
		return this.addresses.resolve(withHeader(peer, forwardedFor));
	}

	private static MockHttpServletRequest withHeader(String peer, String forwardedFor) {
		MockHttpServletRequest request = request(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		return request;
	}

}
