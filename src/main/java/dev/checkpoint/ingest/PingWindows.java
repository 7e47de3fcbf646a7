package dev.checkpoint.ingest;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Where ingest's fold windows begin, for the modules that read the folded rows of
 * {@link PingTables#PING_DETAILS}: a row changes (its hits, its latest values) while its
 * window is open, and after that only by a late write, which marks its day in
 * {@link PingTables#PING_LATE_DAYS}.
 */
@Component
public class PingWindows {

	private final PingFoldProperties fold;

	PingWindows(PingFoldProperties fold) {
		this.fold = fold;
	}

	/**
	 * The earliest {@code received_at} of a row whose window is open at {@code time}:
	 * every row before it belongs to a window that had ended by then. Without folding a
	 * row never changes, so that is {@code time} itself.
	 */
	public Instant openFrom(Instant time) {
		return this.fold.enabled() ? this.fold.windowStart(time) : time;
	}

}
