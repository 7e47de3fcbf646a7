package dev.checkpoint.security;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FirewallTests {

	/** {@link StrictHttpFirewall}'s own expressions, which {@link Firewall} replaces. */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void shouldAgreeWithTheFirewallsExpressionsOnEveryCodePoint() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = new String(Character.toChars(codePoint));
			String inText = "a" + alone + "b";
			assertAgree(alone);
			assertAgree(inText);
		}
	}

	@Test
	void shouldAgreeOnLoneSurrogatesAndEmptyValues() {
		for (String value : new String[] { "", "\ud800", "a\udc00", "\udc00\ud800", "\ud83d\ude00", "tab\there",
				"Mozilla/5.0 (X11; Linux x86_64)", "caf\u00e9", "\u0085", "\u2028" }) {
			assertAgree(value);
		}
	}

	@Test
	void shouldRefuseControlCharactersInHeadersAndParameterNames() {
		StrictHttpFirewall firewall = Firewall.strict();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/check/prisma");
		request.addParameter("na\u0001me", "x");
		request.addHeader("X-Bad", "a\u0000b");
		request.addHeader("X-Tab", "a\tb");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewall.getFirewalledRequest(request).getParameterMap());
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewall.getFirewalledRequest(request).getHeader("X-Bad"));
		assertThat(firewall.getFirewalledRequest(request).getHeader("X-Tab")).isEqualTo("a\tb");
	}

	private static void assertAgree(String value) {
		assertThat(Firewall.assignedAndNotControl(value)).as("name %s", codePoints(value))
			.isEqualTo(matches(NAMES).test(value));
		assertThat(Firewall.headerValue(value)).as("header value %s", codePoints(value))
			.isEqualTo(matches(HEADER_VALUES).test(value));
	}

	private static Predicate<String> matches(Pattern pattern) {
		return (value) -> pattern.matcher(value).matches();
	}

	private static String codePoints(String value) {
		return value.codePoints().mapToObj(Integer::toHexString).toList().toString();
	}

}
