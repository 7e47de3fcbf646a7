package dev.checkpoint.webhooks;

import java.util.List;

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
 */
record WebhookEndpointRequest(
		@NotNull(message = "must not be null") @Size(max = 2000,
				message = "must be at most 2000 characters") @Nullable String url,
		@Size(min = 16, max = 200, message = "must be 16 to 200 characters") @Nullable String secret,
		@NotEmpty(message = "must name at least one event") @Nullable List<String> events) {
}
