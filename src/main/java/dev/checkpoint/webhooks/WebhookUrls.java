package dev.checkpoint.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which endpoint URLs a webhook may call: {@code https} (and {@code http} only when
 * allowed), and no host that is or resolves to a loopback, link-local, private
 * (site-local), unique-local or unspecified address unless allowed, so that a webhook
 * cannot be used to reach the services next to the server. Checked when an endpoint is
 * registered and again before every attempt (the name may resolve elsewhere by then).
 */
@Component
class WebhookUrls {

	private final WebhooksProperties properties;

	WebhookUrls(WebhooksProperties properties) {
		this.properties = properties;
	}

	/** Why the URL may not be called, or empty when it may. */
	Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(scheme.equals("http") && this.properties.allowHttp())) {
			return Optional.of(this.properties.allowHttp() ? "must be an http or https URL" : "must be an https URL");
		}
		if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
			return Optional.of("must have a host and no user info");
		}
		if (this.properties.allowPrivateAddresses()) {
			return Optional.empty();
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (internal(address)) {
					return Optional.of("must not point at a loopback, link-local or private address ("
							+ address.getHostAddress() + ")");
				}
			}
		}
		catch (UnknownHostException ex) {
			return Optional.of("must have a host that resolves");
		}
		return Optional.empty();
	}

	static boolean internal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc;
		}
		// 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
		return ((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0;
	}

}
