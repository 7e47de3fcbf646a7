package dev.checkpoint.ingest;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pings fold into activity rows.
 *
 * @param window pings from one signature for one product (and of one kind) inside one
 * window, aligned to UTC midnight, are stored as one row with a hit counter; {@code 0}
 * stores every ping as its own row. Must divide 24 hours, so that a window never spans
 * two days (nor two months).
 */
@ConfigurationProperties("checkpoint.ingest.fold")
record PingFoldProperties(@DefaultValue("12h") Duration window) {

	private static final Duration DAY = Duration.ofDays(1);

	PingFoldProperties {
		if (window.isNegative() || window.compareTo(DAY) > 0
				|| (!window.isZero() && (window.getSeconds() < 1 || DAY.toNanos() % window.toNanos() != 0))) {
			throw new IllegalArgumentException(
					"checkpoint.ingest.fold.window must be 0 or divide 24h (e.g. 12h, 6h, 1h), not " + window);
		}
	}

	/**
	 * The start of the window {@code time} falls in.
	 */
	Instant windowStart(Instant time) {
		long size = this.window.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
	}

	boolean enabled() {
		return !this.window.isZero();
	}

}
