package dev.checkpoint.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client rate limits, by name, and how the client address is found.
 *
 * @param clientIpHeader the header reverse proxies append the address they were reached
 * from to (e.g. {@code X-Forwarded-For}); unset uses the connection's address. It is read
 * only on connections from {@code trustedProxies}, from the right: the first entry that
 * is not a trusted proxy is the client (see {@link ClientAddresses})
 * @param trustedProxies the proxies whose header entries are believed, as CIDR ranges
 * (IPv4 and IPv6; a bare address is a range of one). The default is loopback and the
 * private ranges ({@code 127.0.0.0/8}, {@code 10.0.0.0/8}, {@code 172.16.0.0/12},
 * {@code 192.168.0.0/16}, {@code ::1}, {@code fc00::/7}): the addresses a proxy on the
 * same host, in a container network, a cluster or a cloud network has. They cannot be
 * routed on the internet, so an internet client cannot connect from them, and a header it
 * sends directly is ignored; with the header unset the list is not used at all.
 * Link-local and shared (CGNAT, {@code 100.64.0.0/10}) ranges are left out: overlay
 * networks give clients, not proxies, such addresses. Narrow the list to the proxies' own
 * addresses when untrusted clients can reach the server directly from a private network;
 * add a CDN's published ranges when it connects from public addresses
 * @param limits the limits by name ({@code pings}, {@code error-reports}, ...)
 */
@ConfigurationProperties("checkpoint.rate-limits")
@Validated
record RateLimitProperties(@Nullable String clientIpHeader, @DefaultValue( {
		"127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128",
		"fc00::/7" }) List<Cidr> trustedProxies, @DefaultValue @Valid Map<String, Limit> limits){

	/**
	 * At most {@code capacity} requests per {@code period} from one client, refilled
	 * evenly.
	 */
	record Limit(@DefaultValue("true") boolean enabled, @Min(1) long capacity, @NotNull Duration period) {
	}

}
