package dev.checkpoint.shared;

import java.net.InetAddress;

/**
 * A range of addresses in CIDR notation: {@code 10.0.0.0/8}, {@code fc00::/7}; a bare
 * address is a range of one. Bound from settings by {@link #valueOf(String)}.
 *
 * @param network an address of the range (bits beyond the prefix are ignored)
 * @param prefixLength how many leading bits an address must share with {@code network}
 */
record Cidr(InetAddress network, int prefixLength) {

	Cidr {
		if (prefixLength < 0 || prefixLength > network.getAddress().length * 8) {
			throw new IllegalArgumentException("Prefix length out of range: " + prefixLength);
		}
	}

	/**
	 * Parses {@code 192.168.0.0/16}, {@code ::1/128} or {@code 127.0.0.1}.
	 * @throws IllegalArgumentException for anything else
	 */
	public static Cidr valueOf(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		InetAddress network = IpAddresses.parseLiteral(address.trim());
		if (network == null) {
			throw new IllegalArgumentException("Not an address range: " + text);
		}
		int bits = network.getAddress().length * 8;
		try {
			return new Cidr(network, (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1).trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not an address range: " + text, ex);
		}
	}

	boolean contains(InetAddress address) {
		byte[] range = this.network.getAddress();
		byte[] candidate = address.getAddress();
		if (range.length != candidate.length) {
			return false;
		}
		int full = this.prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (range[i] != candidate[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (range[full] & mask) == (candidate[full] & mask);
	}

	@Override
	public String toString() {
		return this.network.getHostAddress() + "/" + this.prefixLength;
	}

}
