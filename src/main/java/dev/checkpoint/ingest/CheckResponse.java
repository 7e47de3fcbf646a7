package dev.checkpoint.ingest;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.checkpoint.catalog.AlertView;
import dev.checkpoint.catalog.CheckAnswer;
import dev.checkpoint.catalog.ReleaseView;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a check, typed exactly as the clients need it (docs/protocol.md §6.2):
 * every key present, strings never null, times as integer Unix seconds.
 */
record CheckResponse(String product, String currentVersion, long currentRelease, long currentReleaseDate,
		String currentDownloadUrl, String currentChangelogUrl, String projectWebsite, boolean outdated,
		List<Alert> alerts, @JsonProperty("package") String packageName, String releaseTag, String installCommand,
		String previousVersion, String clientEventId, String previousClientEventId, String cliPathHash,
		String localTimestamp) {

	private static final String DEFAULT_TAG = "latest";

	static CheckResponse of(String product, ClientCheck check, @Nullable CheckAnswer answer) {
		if (answer == null) {
			return new CheckResponse(product, check.version(), 0, 0, "", "", "", false, List.of(), "", DEFAULT_TAG, "",
					check.version(), echo(check.clientEventId()), echo(check.previousClientEventId()),
					echo(check.cliPathHash()), check.localTimestamp());
		}
		ReleaseView current = answer.current();
		long released = (current != null) ? current.releasedAt().getEpochSecond() : 0;
		return new CheckResponse(product, (current != null) ? current.version() : "", released, released,
				(current != null) ? current.downloadUrl() : "", (current != null) ? current.changelogUrl() : "",
				answer.product().website(), answer.outdated(), answer.alerts().stream().map(Alert::of).toList(),
				answer.product().packageName(), answer.channel(), answer.product().installCommandFor(answer.channel()),
				check.version(), echo(check.clientEventId()), echo(check.previousClientEventId()),
				echo(check.cliPathHash()), check.localTimestamp());
	}

	/**
	 * A security notice; {@code id} and {@code date} are JSON integers in int32 range.
	 */
	record Alert(int id, long date, String message, String url, String level) {

		static Alert of(AlertView view) {
			return new Alert(view.id(), view.date().getEpochSecond(), view.message(), view.url(), view.level());
		}

	}

	/** An echoed request value: "" when absent. */
	private static String echo(@Nullable String value) {
		return Objects.requireNonNullElse(value, "");
	}

}
