package dev.checkpoint.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes tokens (256 random bits, {@code cpt_} prefix) and their SHA-256 hashes. A slow
 * password hash is not needed: tokens are random, not chosen by people.
 */
final class TokenHashes {

	static final String PREFIX = "cpt_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenHashes() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	static boolean sameHash(String left, String right) {
		return MessageDigest.isEqual(left.getBytes(StandardCharsets.US_ASCII),
				right.getBytes(StandardCharsets.US_ASCII));
	}

}
