package dev.checkpoint.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its default rules for header names,
 * header values and parameter names, checked by a loop over the code points instead of
 * its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and the same with
 * a tab for header values). The expressions allocated a {@code Matcher} per header and
 * parameter: with a Prisma check's 20 parameters, about a quarter of the bytes a check
 * allocated (async-profiler, {@code bench/ingest.sh}). {@code FirewallTests} checks the
 * two agree on every code point.
 */
final class Firewall {

	private Firewall() {
	}

	static StrictHttpFirewall strict() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(Firewall::assignedAndNotControl);
		firewall.setAllowedHeaderValues(Firewall::headerValue);
		firewall.setAllowedParameterNames(Firewall::assignedAndNotControl);
		return firewall;
	}

	/** Whether every code point is assigned and not a control character. */
	static boolean assignedAndNotControl(String value) {
		return allowed(value, false);
	}

	/** As {@link #assignedAndNotControl}, with tabs allowed. */
	static boolean headerValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String value, boolean tab) {
		int i = 0;
		int length = value.length();
		while (i < length) {
			char c = value.charAt(i);
			if (c >= ' ' && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
