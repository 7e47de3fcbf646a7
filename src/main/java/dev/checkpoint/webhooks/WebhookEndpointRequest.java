package dev.checkpoint.webhooks;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/admin/webhooks}: an endpoint to tell about events.
 *
 * @param url where deliveries are POSTed ({@code https}; see {@code WebhookUrls})
 * @param secret the key deliveries are signed with (16 to 200 characters); generated and
 * answered once when absent
 * @param events which events it gets, from {@link WebhookEvents#NAMES}
 * @param noticeExposure for {@code notice.exposure}: when a notice's exposure is worth
 * telling
 * @param errorSpike for {@code error-group.spike}: what counts as a spike
 */
record WebhookEndpointRequest(
		@NotNull(message = "must not be null") @Size(max = 2000,
				message = "must be at most 2000 characters") @Nullable String url,
		@Size(min = 16, max = 200, message = "must be 16 to 200 characters") @Nullable String secret,
		@NotEmpty(message = "must name at least one event") @Nullable List<String> events,
		@Valid @Nullable NoticeExposure noticeExposure, @Valid @Nullable ErrorSpike errorSpike) {

	/**
	 * @param factor how many times its usual hourly rate (over the 7 days before the last
	 * hour) a group's last hour must exceed
	 * @param minReports the fewest reports in the last hour that can be a spike
	 */
	record ErrorSpike(
			@NotNull(message = "must not be null") @DecimalMin(value = "1", inclusive = false,
					message = "must be more than 1") @Nullable Double factor,
			@NotNull(message = "must not be null") @Min(value = 1,
					message = "must be at least 1") @Nullable Integer minReports) {
	}

	/**
	 * @param threshold the developers still exposed that count: told when a notice's
	 * exposure falls below it, or is still at or above it {@code afterDays} after the
	 * notice was created
	 * @param afterDays the days after which an exposure still above the threshold is told
	 */
	record NoticeExposure(
			@NotNull(message = "must not be null") @Min(value = 1,
					message = "must be at least 1") @Nullable Integer threshold,
			@NotNull(message = "must not be null") @Min(value = 1,
					message = "must be at least 1") @Nullable Integer afterDays) {
	}
}
