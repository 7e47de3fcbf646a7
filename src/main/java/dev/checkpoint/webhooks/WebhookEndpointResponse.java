package dev.checkpoint.webhooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the admin API shows it: the secret only in the answer that created it.
 *
 * @param id its id
 * @param url where deliveries go
 * @param events the events it gets
 * @param noticeExposure its notice exposure threshold, or null
 * @param errorSpike what counts as a crash-report spike for it, or null
 * @param secret the signing key, only when just created
 * @param createdAt when it was registered
 * @param retiredAt when it was removed, or null
 */
record WebhookEndpointResponse(long id, String url, List<String> events,
		WebhookEndpointRequest.@Nullable NoticeExposure noticeExposure,
		WebhookEndpointRequest.@Nullable ErrorSpike errorSpike, @Nullable String secret, Instant createdAt,
		@Nullable Instant retiredAt) {
}
