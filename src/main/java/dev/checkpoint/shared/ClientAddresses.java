package dev.checkpoint.shared;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds a request's client address behind reverse proxies, as Tomcat's
 * {@code RemoteIpValve} does: the proxy header is read only when the connection comes
 * from a trusted proxy, and is walked from the right, since each proxy appends the
 * address it was reached from and only the left part can be forged by the client. Every
 * entry that is a trusted proxy is skipped; the first one that is not is the client. A
 * malformed entry ends the walk at the last trusted hop (or the connection). When every
 * entry is a trusted proxy, the left-most one is the client.
 * <p>
 * Tomcat's valve is not reused because it takes regular expressions instead of CIDR
 * ranges and, being a valve, is bypassed by MockMvc tests; its algorithm is the same.
 */
final class ClientAddresses {

	private final @Nullable String header;

	private final List<Cidr> trustedProxies;

	ClientAddresses(@Nullable String header, List<Cidr> trustedProxies) {
		this.header = (header == null || header.isBlank()) ? null : header.trim();
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * The client's key: its address, an IPv6 one as its /64 (see
	 * {@link IpAddresses#key(InetAddress)}).
	 */
	String resolve(HttpServletRequest request) {
		InetAddress peer = IpAddresses.parse(request.getRemoteAddr());
		if (peer == null) {
			return String.valueOf(request.getRemoteAddr());
		}
		return IpAddresses.key(walk(peer, request));
	}

	private InetAddress walk(InetAddress peer, HttpServletRequest request) {
		if (this.header == null || !trusted(peer)) {
			return peer;
		}
		List<String> hops = hops(request, this.header);
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
			InetAddress hop = IpAddresses.parse(hops.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
		}
		return client;
	}

	/** Every entry of every occurrence of the header, in order. */
	private static List<String> hops(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		if (values == null) {
			return List.of();
		}
		List<String> hops = new ArrayList<>();
		for (String value : Collections.list(values)) {
			Collections.addAll(hops, value.split(",", -1));
		}
		return hops;
	}

	private boolean trusted(InetAddress address) {
		for (Cidr range : this.trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

}
