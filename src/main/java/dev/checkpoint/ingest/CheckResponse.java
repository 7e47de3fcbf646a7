package dev.checkpoint.ingest;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.checkpoint.catalog.AlertView;
import dev.checkpoint.catalog.CheckAnswer;
import dev.checkpoint.catalog.ReleaseView;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The answer to a check, typed exactly as the clients need it (PROTOCOL.md §6.2): every
 * key present, strings never null, times as integer Unix seconds.
 */
record CheckResponse(String product, String currentVersion, long currentRelease, long currentReleaseDate,
		String currentDownloadUrl, String currentChangelogUrl, String projectWebsite, boolean outdated,
		List<Alert> alerts, @JsonProperty("package") String packageName, String releaseTag, String installCommand,
		String previousVersion, String clientEventId, String previousClientEventId, String cliPathHash,
		String localTimestamp) {

	private static final String DEFAULT_TAG = "latest";

	static CheckResponse of(String product, MultiValueMap<String, String> params, @Nullable CheckAnswer answer) {
		Echo echo = new Echo(params);
		if (answer == null) {
			return new CheckResponse(product, echo.get("version"), 0, 0, "", "", "", false, List.of(), "", DEFAULT_TAG,
					"", echo.get("version"), echo.get("client_event_id"), echo.get("previous_client_event_id"),
					echo.get("cli_path_hash"), echo.get("local_timestamp"));
		}
		ReleaseView current = answer.current();
		long released = (current != null) ? current.releasedAt().getEpochSecond() : 0;
		return new CheckResponse(product, (current != null) ? current.version() : "", released, released,
				(current != null) ? current.downloadUrl() : "", (current != null) ? current.changelogUrl() : "",
				answer.product().website(), answer.outdated(), answer.alerts().stream().map(Alert::of).toList(),
				answer.product().packageName(), answer.channel(), answer.product().installCommandFor(answer.channel()),
				echo.get("version"), echo.get("client_event_id"), echo.get("previous_client_event_id"),
				echo.get("cli_path_hash"), echo.get("local_timestamp"));
	}

	/**
	 * A security notice; {@code id} and {@code date} are JSON integers in int32 range.
	 */
	record Alert(int id, long date, String message, String url, String level) {

		static Alert of(AlertView view) {
			return new Alert(view.id(), view.date().getEpochSecond(), view.message(), view.url(), view.level());
		}

	}

	/** Echoed request values, "" when absent, truncated like the stored ones. */
	private record Echo(MultiValueMap<String, String> params) {

		String get(String name) {
			return Objects.requireNonNullElse(PingFactory.clean(this.params.getFirst(name), PingFactory.SHORT_LIMIT),
					"");
		}

	}

}
