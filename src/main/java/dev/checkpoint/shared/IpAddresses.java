package dev.checkpoint.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * IP address literals: strict parsing that never resolves a name, and the key that rate
 * limits and caps count a client under.
 */
final class IpAddresses {

	private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

	/**
	 * Hex groups and colons, with an optional IPv4 tail: starts with a hex digit or ':'.
	 */
	private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*$");

	/** {@code 192.0.2.1:443}, {@code [2001:db8::1]:443}, {@code [fe80::1%eth0]}. */
	private static final Pattern WITH_PORT = Pattern
		.compile("^(?:(\\d[\\d.]*)|\\[([0-9A-Fa-f:.]+)(?:%[\\w.-]+)?])(?::\\d{1,5})?$");

	private static final Pattern ZONE = Pattern.compile("%[\\w.-]+$");

	private static final int MAX_LENGTH = 64;

	private IpAddresses() {
	}

	/**
	 * The address in {@code text} as a proxy or the connection writes it: an IPv4 dotted
	 * quad or an IPv6 address, optionally in brackets, with a zone id or with a port
	 * ({@code 192.0.2.1:443}, {@code [2001:db8::1]:443}, as some load balancers write
	 * it); {@code null} for anything else (names included: nothing is looked up).
	 */
	static @Nullable InetAddress parse(@Nullable String text) {
		if (text == null || text.length() > MAX_LENGTH) {
			return null;
		}
		String value = text.trim();
		Matcher withPort = WITH_PORT.matcher(value);
		if (withPort.matches()) {
			return parseLiteral((withPort.group(1) != null) ? withPort.group(1) : withPort.group(2));
		}
		return parseLiteral(ZONE.matcher(value).replaceFirst(""));
	}

	/**
	 * The address written as a bare literal ({@code 192.0.2.1}, {@code 2001:db8::1}),
	 * else {@code null}. IPv4-mapped IPv6 addresses come back as IPv4.
	 */
	static @Nullable InetAddress parseLiteral(String text) {
		Matcher ipv4 = IPV4.matcher(text);
		if (ipv4.matches()) {
			return ipv4(ipv4);
		}
		if (!IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			// text starting with a hex digit or ':' and holding a ':' is parsed as an
			// IPv6
			// literal or refused, never looked up
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * The key a client is counted under: an IPv4 address itself, an IPv6 address as its
	 * /64 network (a subscriber or a host gets a whole /64 and may use any address in
	 * it).
	 */
	static String key(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address.getHostAddress();
		}
		byte[] network = Arrays.copyOf(address.getAddress(), 16);
		Arrays.fill(network, 8, 16, (byte) 0);
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable InetAddress ipv4(Matcher matcher) {
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = Integer.parseInt(matcher.group(i + 1));
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
