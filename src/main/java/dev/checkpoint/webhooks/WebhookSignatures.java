package dev.checkpoint.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a delivery carries in {@value #HEADER}: {@code t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>}. A receiver computes
 * the same over the raw body and the header's {@code t}, compares in constant time, and
 * refuses a {@code t} too far from its clock (replays).
 */
final class WebhookSignatures {

	static final String HEADER = "X-Checkpoint-Signature";

	private WebhookSignatures() {
	}

	static String header(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
