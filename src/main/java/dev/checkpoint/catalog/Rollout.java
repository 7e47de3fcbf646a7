package dev.checkpoint.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A staged rollout of a release: which share of its channel's clients with a signature is
 * answered it instead of the release before it, stage by stage. A client is in the
 * rollout when its {@link #bucket} (a stable hash of signature, product and version, 0 to
 * 9,999) is under the share in hundredths of a percent: the same developer always gets
 * the same answer at one stage, and a larger share only adds developers. Clients without
 * a signature get the release before until the share is 100 %.
 *
 * @param stages the shares and from when they hold, in order (shares rising)
 * @param state active, paused (the share stays {@code pausedPercent}) or aborted (no one
 * is answered the release)
 * @param pausedAt when it was paused, or null
 * @param pausedPercent the share held while paused, or null
 */
record Rollout(List<Stage> stages, State state, @Nullable Instant pausedAt, @Nullable Double pausedPercent) {

	/** Buckets a share is counted in: hundredths of a percent. */
	static final int BUCKETS = 10_000;

	enum State {

		ACTIVE, PAUSED, ABORTED;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State of(String key) {
			return valueOf(key.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * @param percent the share of clients answered the release, more than 0 up to 100
	 * @param at from when
	 */
	record Stage(double percent, Instant at) {
	}

	/** The share (0 to 100) answered the release at {@code now}. */
	double percentAt(Instant now) {
		return switch (this.state) {
			case ABORTED -> 0;
			case PAUSED -> (this.pausedPercent != null) ? this.pausedPercent : 0;
			case ACTIVE -> scheduledAt(now);
		};
	}

	/** The share the schedule gives at {@code now}, whatever the state. */
	double scheduledAt(Instant now) {
		double percent = 0;
		for (Stage stage : this.stages) {
			if (!stage.at().isAfter(now)) {
				percent = Math.max(percent, stage.percent());
			}
		}
		return percent;
	}

	/** Whether every client is answered the release at {@code now}. */
	boolean completeAt(Instant now) {
		return percentAt(now) >= 100;
	}

	/**
	 * Whether a client is answered the release at {@code now}: with a signature, when its
	 * bucket is under the share; without, once the share is 100 %.
	 */
	boolean includes(@Nullable UUID signature, String product, String version, Instant now) {
		double percent = percentAt(now);
		if (percent >= 100) {
			return true;
		}
		return signature != null && bucket(signature, product, version) < Math.round(percent * (BUCKETS / 100.0));
	}

	/**
	 * The client's place in the release's rollout, 0 to {@link #BUCKETS} - 1: the first 8
	 * bytes of SHA-256 over signature, product and version. Another release reorders the
	 * clients, so the same developers are not always the first to get a new version.
	 */
	static int bucket(UUID signature, String product, String version) {
		MessageDigest digest = SHA_256.get();
		digest.update(ByteBuffer.allocate(16)
			.putLong(signature.getMostSignificantBits())
			.putLong(signature.getLeastSignificantBits())
			.array());
		digest.update((product + "\u0000" + version).getBytes(StandardCharsets.UTF_8));
		return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest.digest()).getLong(), BUCKETS);
	}

	/**
	 * One digest per thread: looking one up costs more than hashing (25 against 1 µs).
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	});

}
