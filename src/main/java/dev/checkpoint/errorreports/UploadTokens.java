package dev.checkpoint.errorreports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The token in a Prisma report's upload URL: the report id and the expiry, signed with
 * HMAC-SHA256. Only this server can make one, and it names its report without a lookup.
 * The key is {@code checkpoint.error-reports.prisma.upload-signing-key}, or else a random
 * one made at the first start and kept in {@code error_report_keys}, so that every
 * instance and every restart signs alike.
 */
@Component
class UploadTokens {

	private static final String KEY_NAME = "prisma-upload-url";

	private static final int PAYLOAD_BYTES = 16 + 8;

	private static final int MAC_BYTES = 32;

	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}$");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final @Nullable String configuredKey;

	private volatile byte @Nullable [] key;

	UploadTokens(JdbcClient jdbc, ErrorReportsProperties properties) {
		this.jdbc = jdbc;
		this.configuredKey = properties.prisma().uploadSigningKey();
	}

	String sign(UUID reportId, Instant expiresAt) {
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(reportId.getMostSignificantBits())
			.putLong(reportId.getLeastSignificantBits())
			.putLong(expiresAt.getEpochSecond());
		return ENCODER.encodeToString(payload.array()) + "." + ENCODER.encodeToString(mac(payload.array()));
	}

	/** The token's report and expiry, when this server signed it. */
	Optional<Signed> verify(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		byte[] payload;
		byte[] mac;
		try {
			payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
			mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac, mac(payload))) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		UUID reportId = new UUID(buffer.getLong(), buffer.getLong());
		return Optional.of(new Signed(reportId, Instant.ofEpochSecond(buffer.getLong())));
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = (this.configuredKey != null) ? this.configuredKey.getBytes(StandardCharsets.UTF_8) : storedKey();
			this.key = current;
		}
		return current;
	}

	/** The shared key: the first instance to insert one makes it, the others read it. */
	private byte[] storedKey() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		this.jdbc.sql("insert into error_report_keys (name, key) values (?, ?) on conflict (name) do nothing")
			.params(KEY_NAME, fresh)
			.update();
		return this.jdbc.sql("select key from error_report_keys where name = ?")
			.param(KEY_NAME)
			.query(byte[].class)
			.single();
	}

	/** What a valid token says. */
	record Signed(UUID reportId, Instant expiresAt) {
	}

}
